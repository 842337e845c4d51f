/** 党支部工作: 三会一课 with attendance, the quarter overview, and 星级评定 (issue 14). */
import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { AppModule } from '../../modules/types.ts';

const MeetingsPage = lazy(() => import('./MeetingsPage.tsx'));
const RatingPage = lazy(() => import('./RatingPage.tsx'));

export const partyLifeModule: AppModule = {
  menu: { key: '/party/meetings', label: '三会一课', icon: <AuditOutlined />, needs: 'party.read' },
  routes: [
    { path: 'party/meetings', element: <MeetingsPage /> },
    { path: 'party/rating', element: <RatingPage /> },
  ],
};

export const branchRatingModule: AppModule = {
  menu: { key: '/party/rating', label: '星级评定', icon: <AuditOutlined />, needs: 'party.read' },
  routes: [],
};
