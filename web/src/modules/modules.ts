/** The app's modules, in menu order. Add a module here and in its own pages/<module>/module.tsx. */
import { orgModule } from '../pages/org/module.tsx';
import type { AppModule } from './types.ts';

export const MODULES: AppModule[] = [orgModule];
