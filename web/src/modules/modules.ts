/** The app's modules, in menu order. Add a module here and in its own pages/<module>/module.tsx. */
import { orgModule } from '../pages/org/module.tsx';
import { appealsModule } from '../pages/appeals/module.tsx';
import { ledgersModule } from '../pages/ledgers/module.tsx';
import { metricsModule } from '../pages/metrics/module.tsx';
import { reportsModule } from '../pages/reports/module.tsx';
import { appraisalModule } from '../pages/appraisal/module.tsx';
import { branchRatingModule, partyLifeModule } from '../pages/party/meetings-module.tsx';
import { developmentModule } from '../pages/party/development-module.tsx';
import type { AppModule } from './types.ts';

export const MODULES: AppModule[] = [
  orgModule,
  appealsModule,
  ledgersModule,
  metricsModule,
  reportsModule,
  appraisalModule,
  partyLifeModule,
  developmentModule,
  branchRatingModule,
];
