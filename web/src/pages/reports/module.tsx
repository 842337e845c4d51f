/**
 * The reports module (述职报告): the list with 生成初稿, the editor (tiptap, its own lazy chunk),
 * 往年报告对照 (import and compare) and, for admins, the report templates.
 */
import { lazy } from 'react';
import { FileTextOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const ReportsListPage = lazy(() => import('./ReportsListPage.tsx'));
const ReportEditorPage = lazy(() => import('./ReportEditorPage.tsx'));
const ReportImportPage = lazy(() => import('./ReportImportPage.tsx'));
const TemplatesPage = lazy(() => import('./TemplatesPage.tsx'));
const TemplateEditPage = lazy(() => import('./TemplateEditPage.tsx'));

export const reportsModule: AppModule = {
  menu: { key: '/reports', label: '述职报告', icon: <FileTextOutlined />, needs: 'reports.read' },
  routes: [
    { path: 'reports', element: <ReportsListPage /> },
    { path: 'reports/import', element: <ReportImportPage /> },
    { path: 'reports/import/:importId', element: <ReportImportPage /> },
    { path: 'reports/templates', element: <TemplatesPage />, adminOnly: true },
    { path: 'reports/templates/:id', element: <TemplateEditPage />, adminOnly: true },
    { path: 'reports/:id', element: <ReportEditorPage /> },
  ],
};
