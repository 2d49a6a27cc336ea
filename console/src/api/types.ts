// Names for the API's answers, taken from the generated types so that they follow the routes.
import type { paths } from './schema';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put'> =
  paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T
    : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } } ? T
      : paths[P][M] extends { responses: { 202: { content: { 'application/json': infer T } } } } ? T : never;
type Body<P extends keyof paths, M extends 'post' | 'put'> =
  paths[P][M] extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

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

export type CaseQuery = NonNullable<paths['/v1/cases']['get']['parameters']['query']>;
/** A case as an analyst sees it (the merchant view has no `accounts`). */
export type AnyCase = Ok<'/v1/cases/{id}', 'get'>;
export type Case = Extract<AnyCase, { accounts: string[] }>;
export type MerchantCase = Exclude<AnyCase, { accounts: string[] }>;
export type SanctionSpec = Ok<'/v1/cases/{id}/proposed-sanctions', 'get'>['items'][number];
export type Resolved = Ok<'/v1/cases/{id}/resolve', 'post'>;
export type AuditEntry = Ok<'/v1/cases/{id}/audit', 'get'>['items'][number];
export type EvidencePackage = Ok<'/v1/cases/{id}/evidence', 'get'>;
export type Ledger = Ok<'/v1/shops/{shop_id}/sanctions', 'get'>;
export type Sanction = Ledger['sanctions'][number];
export type Quality = Ok<'/v1/shops/{shop_id}/quality', 'get'>;
export type Appeal = Ok<'/v1/appeals', 'get'>['items'][number];
export type Complaint = Ok<'/v1/complaints', 'get'>['items'][number];

export type StrategiesAnswer = Ok<'/v1/shops/{shop_id}/strategies', 'get'>;
export type ShopStrategies = Body<'/v1/shops/{shop_id}/strategies', 'put'>;
export type StrategyVersions = Ok<'/v1/shops/{shop_id}/strategies/versions', 'get'>;

export type RuleSet = Ok<'/v1/rules', 'get'>;
export type RuleCheck = Ok<'/v1/rules/check', 'post'>;
export type RuleVersions = Ok<'/v1/rules/versions', 'get'>;
export type Backtest = Ok<'/v1/backtests/{id}', 'get'>;
export type ListEntries = Ok<'/v1/lists', 'get'>;
export type ListEntry = ListEntries['items'][number];
export type ApiKey = Ok<'/v1/keys', 'get'>['items'][number];
export type KeyRole = ApiKey['role'];

export type PublishResult = Ok<'/v1/alliance/signals', 'post'>;
export type PublishedSignal = Ok<'/v1/alliance/signals', 'get'>['items'][number];
export type ReceivedSignal = Ok<'/v1/alliance/received', 'get'>['items'][number];
export type PartnerStatus = Ok<'/v1/alliance/partners', 'get'>['items'][number];
export type SignalKind = ReceivedSignal['kind'];
