/** The reports module (述职报告): the list with 生成初稿, and the editor (tiptap, its own lazy chunk). */
import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const ReportsListPage = lazy(() => import('./ReportsListPage.tsx'));
const ReportEditorPage = lazy(() => import('./ReportEditorPage.tsx'));

export const reportsModule: AppModule = {
  menu: { key: '/reports', label: '述职报告', icon: <FileTextOutlined /> },
  routes: [
    { path: 'reports', element: <ReportsListPage /> },
    { path: 'reports/:id', element: <ReportEditorPage /> },
  ],
};
