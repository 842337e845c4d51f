/** 党支部星级评定 under `/api/v1/towns/{townId}/party/rating/{year}/…`. */
import { api, type RequestBody, type Schemas } from './client.ts';

export type Ratings = Schemas['BranchRatings'];
export type BranchRating = Ratings['branches'][number];
export type RatingScheme = Schemas['BranchRatingScheme'];
export type RatingInput = RequestBody<
  '/api/v1/towns/{townId}/party/rating/{year}/branches/{branchId}',
  'put'
>;

const at = (townId: string, year: number, branchId: string) => ({
  params: { path: { townId, year, branchId } },
});

export type SchemeInput = Schemas['BranchRatingSchemeInput'];

export const ratingApi = {
  saveScheme: (townId: string, year: number, body: SchemeInput) =>
    api.PUT('/api/v1/towns/{townId}/party/rating/{year}/scheme', {
      params: { path: { townId, year } },
      body,
    }),
  ratings: (townId: string, year: number) =>
    api.GET('/api/v1/towns/{townId}/party/rating/{year}/branches', {
      params: { path: { townId, year } },
    }),
  orgLife: (townId: string, year: number, branchId: string) =>
    api.GET(
      '/api/v1/towns/{townId}/party/rating/{year}/branches/{branchId}/org-life',
      at(townId, year, branchId),
    ),
  evidence: (townId: string, year: number, branchId: string) =>
    api.GET(
      '/api/v1/towns/{townId}/party/rating/{year}/branches/{branchId}/evidence',
      at(townId, year, branchId),
    ),
  rate: (townId: string, year: number, branchId: string, body: RatingInput) =>
    api.PUT('/api/v1/towns/{townId}/party/rating/{year}/branches/{branchId}', {
      ...at(townId, year, branchId),
      body,
    }),
};
