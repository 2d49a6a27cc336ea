// Names for the API's answers, taken from the generated types so that they follow the routes.
import type { paths } from './schema';

type Ok<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type Me = Ok<'/v1/me', 'get'>;
export type AlertPage = Ok<'/v1/alerts', 'get'>;
export type Alert = Ok<'/v1/alerts/{id}', 'get'>;
export type AlertLinks = Ok<'/v1/alerts/{id}/links', 'get'>;
export type AccountCluster = Ok<'/v1/accounts/{id}/links', 'get'>;
export type WarningPage = Ok<'/v1/shops/{shop_id}/warnings', 'get'>;
export type Warning = WarningPage['items'][number];
export type Activity = Ok<'/v1/stats/activity', 'get'>;
export type ItemActivity = Ok<'/v1/stats/items/{item_id}/activity', 'get'>;
export type AlertKind = NonNullable<paths['/v1/alerts']['get']['parameters']['query']>['kind'];
