/**
 * A module of the app (organisation, appeals, ledgers, reports …) declares its pages and its menu
 * entry in one file, `web/src/pages/<module>/module.tsx`; `modules.ts` lists the modules, so adding a
 * module touches one line of shared code.
 */
import type { ReactNode } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  icon: ReactNode;
  /**
   * The route policy of the page's own API (e.g. 'appeals.intake'): the entry is shown only to
   * users the server lets through it (Session.allows). Absent: every signed-in user.
   */
  needs?: string;
  children?: MenuEntry[];
}

export interface ModuleRoute {
  /** Path below the app root, without a leading slash, e.g. 'org/units'. */
  path: string;
  element: ReactNode;
  adminOnly?: boolean;
}

export interface AppModule {
  menu?: MenuEntry;
  routes: ModuleRoute[];
}
