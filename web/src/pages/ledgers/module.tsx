/** The ledgers module (台账): the catalogue by portfolio, one ledger's records, and (admins) the form builder. */
import { lazy } from 'react';
import { BookOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const LedgerTypesPage = lazy(() => import('./LedgerTypesPage.tsx'));
const LedgerRecordsPage = lazy(() => import('./LedgerRecordsPage.tsx'));
const TypeDesignerPage = lazy(() => import('./TypeDesignerPage.tsx'));

export const ledgersModule: AppModule = {
  menu: { key: '/ledgers', label: '台账', icon: <BookOutlined />, needs: 'ledgers.read' },
  routes: [
    { path: 'ledgers', element: <LedgerTypesPage /> },
    { path: 'ledgers/new-type', element: <TypeDesignerPage />, adminOnly: true },
    { path: 'ledgers/:code', element: <LedgerRecordsPage /> },
    { path: 'ledgers/:code/design', element: <TypeDesignerPage />, adminOnly: true },
  ],
};
