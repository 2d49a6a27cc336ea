// Generated from GET /openapi.json by `npm run api -w console`; do not edit.
// A test (console/test/api-types.test.ts) fails when the routes change and this file does not.
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: events, decisions, alerts, decision and store latency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store (and with --stream, the stream and the shared state) answers and ingest is running */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description An error */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's cluster in the identity graph, with the evidence of each link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An account's identity-graph cluster */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description sorted, at most 256 */
                            accounts: string[];
                            /** @description the merges that joined the cluster, then weak links */
                            links: {
                                a: string;
                                b: string;
                                /** @description the shared value as stored; personal data, do not pass it outside the platform unhashed */
                                value: string;
                                via: "device" | "payment" | "phone" | "address" | "ip";
                                /** @description true for links that do not merge: IPs, and entities shared by many accounts */
                                weak: boolean;
                            }[];
                            root: string;
                            /** @description accounts in the cluster, counted past the listed ones */
                            size: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/sanctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's sanctions (restrictions) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A shop or account ledger: its sanctions, the points that count and the level they reach */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                level: "none" | "warning" | "restricted" | "shop_closed";
                                points: number;
                                to_next_level: number | null;
                            };
                            sanctions: ({
                                case_id: string;
                                created_by: string;
                                effective_at: string;
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                points?: number;
                                reason: string;
                                source: string;
                                state: "active" | "appealed" | "reversed";
                                subject: {
                                    id: string;
                                    type: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            subject: {
                                id: string;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first, paged by cursor */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    kind?: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                    limit: number;
                    /** @description only alerts first seen at or after this event time */
                    since?: string;
                    status?: "open";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                score: number;
                                severity: "low" | "medium" | "high" | "critical";
                                /** @description the tenant (event source) of the event that opened the incident; absent for the default tenant */
                                source?: string;
                                status: string;
                                subjects: {
                                    accounts: string[];
                                    items: string[];
                                    orders: string[];
                                    shops: string[];
                                } & {
                                    [key: string]: unknown;
                                };
                                summary: string;
                                /** @description event time the incident was first seen */
                                time: string;
                                /** @description event time of the last update */
                                updated: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One alert with its evidence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description One incident found across many events, in its current state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            evidence: {
                                [key: string]: unknown;
                            };
                            id: string;
                            kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                            score: number;
                            severity: "low" | "medium" | "high" | "critical";
                            /** @description the tenant (event source) of the event that opened the incident; absent for the default tenant */
                            source?: string;
                            status: string;
                            subjects: {
                                accounts: string[];
                                items: string[];
                                orders: string[];
                                shops: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            summary: string;
                            /** @description event time the incident was first seen */
                            time: string;
                            /** @description event time of the last update */
                            updated: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alerts/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The identity-graph clusters of an alert's accounts, with the evidence of each link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description The identity-graph clusters behind an alert */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description accounts of the alert past the first 5000, not looked up */
                            accounts_not_looked_up: number;
                            alert_id: string;
                            /** @description the clusters of the alert's accounts, largest first, each once; an unlinked account is a cluster of one */
                            clusters: {
                                /** @description sorted, at most 256 */
                                accounts: string[];
                                /** @description the merges that joined the cluster, then weak links */
                                links: {
                                    a: string;
                                    b: string;
                                    /** @description the shared value as stored; personal data, do not pass it outside the platform unhashed */
                                    value: string;
                                    via: "device" | "payment" | "phone" | "address" | "ip";
                                    /** @description true for links that do not merge: IPs, and entities shared by many accounts */
                                    weak: boolean;
                                }[];
                                root: string;
                                /** @description accounts in the cluster, counted past the listed ones */
                                size: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/cases/{case_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes every signal a case published (partners stop using them on their next pull) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    case_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_id: string;
                            /** @description signals revoked now */
                            revoked: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This platform's shared signals, for its partners: signed request, signed answer (docs/alliance.md, Protocol) */
        get: {
            parameters: {
                query?: {
                    /** @description the next_cursor of the previous page; 0 or absent from the start */
                    after?: string;
                    limit?: number;
                };
                header?: {
                    /** @description 16 random bytes, base64url, new for every request */
                    "bulwark-nonce"?: string;
                    /** @description the caller's name, the --source of its partner key */
                    "bulwark-partner"?: string;
                    /** @description Ed25519 signature, base64, of the request payload */
                    "bulwark-signature"?: string;
                    /** @description epoch milliseconds of the request */
                    "bulwark-timestamp"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description more items wait after next_cursor: ask again at once */
                            has_more: boolean;
                            /** @description by seq, ascending */
                            items: {
                                abuse: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "malicious_claim" | "harassment" | "review_manipulation";
                                /** @description an opaque reference to the publisher's case */
                                case_ref: string;
                                confidence: number;
                                /** @description event time after which the signal no longer counts */
                                expires_at: string;
                                /** @description event time the value was first seen in the abuse */
                                first_seen: string;
                                /** @description HMAC-SHA256 of "kind:normalised value" under that key, base64url */
                                hash: string;
                                /** @description the publisher's id of the signal; stable across its versions */
                                id: string;
                                /** @description the alliance key the value was hashed under */
                                key_id: string;
                                kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                                /** @description event time it was last seen */
                                last_seen: string;
                                /** @description feed position of this version; pass the last one back as `after` */
                                seq: number;
                                status: "active" | "revoked";
                            }[];
                            /** @description pass it back as `after`; it never goes back, and equals `after` when nothing is new */
                            next_cursor: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each partner's feed: last pull, failures, next attempt, cursor */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                applied: number;
                                consecutiveFailures: number;
                                cursor: number;
                                lastAttemptAt?: string;
                                lastError?: {
                                    at: string;
                                    message: string;
                                    outcome: string;
                                };
                                lastSuccessAt?: string;
                                nextAttemptAt?: string;
                                partner: string;
                                pulls: {
                                    [key: string]: number;
                                };
                                state: "never" | "ok" | "failing";
                                trust: number;
                                url: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/partners/{name}/pull": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pulls a partner's feed now and answers how it went */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: number;
                            consecutiveFailures: number;
                            cursor: number;
                            lastAttemptAt?: string;
                            lastError?: {
                                at: string;
                                message: string;
                                outcome: string;
                            };
                            lastSuccessAt?: string;
                            nextAttemptAt?: string;
                            partner: string;
                            pulls: {
                                [key: string]: number;
                            };
                            state: "never" | "ok" | "failing";
                            trust: number;
                            url: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signals received from partners, with whether each counts now */
        get: {
            parameters: {
                query?: {
                    kind?: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                    partner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                abuse: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "malicious_claim" | "harassment" | "review_manipulation";
                                caseRef: string;
                                confidence: number;
                                expiresAt: string;
                                firstSeen: string;
                                hash: string;
                                /** @description partner:remote id */
                                id: string;
                                /** @description spans of this platform's event time in which it counts (received, until revoked) */
                                inForce: {
                                    from: number;
                                    to?: number;
                                }[];
                                /** @description whether it counts for the next event */
                                inForceNow: boolean;
                                keyId: string;
                                kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                                lastSeen: string;
                                partner: string;
                                receivedAt: string;
                                remoteId: string;
                                status: "active" | "revoked";
                                /** @description spans an analyst suppressed it for */
                                suppressed: {
                                    from: number;
                                    to?: number;
                                }[];
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/received/{id}/suppression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An analyst's override: a received signal stops (or starts again) counting in decisions from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        suppressed: boolean;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abuse: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "malicious_claim" | "harassment" | "review_manipulation";
                            caseRef: string;
                            confidence: number;
                            expiresAt: string;
                            firstSeen: string;
                            hash: string;
                            /** @description partner:remote id */
                            id: string;
                            /** @description spans of this platform's event time in which it counts (received, until revoked) */
                            inForce: {
                                from: number;
                                to?: number;
                            }[];
                            /** @description whether it counts for the next event */
                            inForceNow: boolean;
                            keyId: string;
                            kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                            lastSeen: string;
                            partner: string;
                            receivedAt: string;
                            remoteId: string;
                            status: "active" | "revoked";
                            /** @description spans an analyst suppressed it for */
                            suppressed: {
                                from: number;
                                to?: number;
                            }[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/alliance/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signals this platform published, newest feed position first */
        get: {
            parameters: {
                query?: {
                    case_id?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                abuse: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "malicious_claim" | "harassment" | "review_manipulation";
                                /** @description an opaque reference to the publisher's case */
                                case_ref: string;
                                caseId: string;
                                confidence: number;
                                /** @description event time after which the signal no longer counts */
                                expires_at: string;
                                /** @description event time the value was first seen in the abuse */
                                first_seen: string;
                                /** @description HMAC-SHA256 of "kind:normalised value" under that key, base64url */
                                hash: string;
                                /** @description the publisher's id of the signal; stable across its versions */
                                id: string;
                                /** @description the alliance key the value was hashed under */
                                key_id: string;
                                kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                                /** @description event time it was last seen */
                                last_seen: string;
                                publishedAt: string;
                                /** @description id of the key that published it */
                                publishedBy: string;
                                revokedAt?: string;
                                /** @description feed position of this version; pass the last one back as `after` */
                                seq: number;
                                status: "active" | "revoked";
                                tenant: string;
                                /** @description the normalised value, local to this platform: never on the feed */
                                value: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publishes a confirmed case's signals to the partners (keyed hashes only; never a victim's value) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a confirmed case of this tenant */
                        case_id: string;
                        /** @description absent: the policy's (0.9 by default) */
                        confidence?: number;
                        /** @description signal kinds to share; absent: the policy's defaults for the case's abuse kind */
                        kinds?: ("device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration")[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_id: string;
                            /** @description one per value and valid alliance key */
                            published: ({
                                abuse: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "malicious_claim" | "harassment" | "review_manipulation";
                                /** @description an opaque reference to the publisher's case */
                                case_ref: string;
                                caseId: string;
                                confidence: number;
                                /** @description event time after which the signal no longer counts */
                                expires_at: string;
                                /** @description event time the value was first seen in the abuse */
                                first_seen: string;
                                /** @description HMAC-SHA256 of "kind:normalised value" under that key, base64url */
                                hash: string;
                                /** @description the publisher's id of the signal; stable across its versions */
                                id: string;
                                /** @description the alliance key the value was hashed under */
                                key_id: string;
                                kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                                /** @description event time it was last seen */
                                last_seen: string;
                                publishedAt: string;
                                /** @description id of the key that published it */
                                publishedBy: string;
                                revokedAt?: string;
                                /** @description feed position of this version; pass the last one back as `after` */
                                seq: number;
                                status: "active" | "revoked";
                                tenant: string;
                                /** @description the normalised value, local to this platform: never on the feed */
                                value: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description values left out: a victim's, a public place's, malformed, or past the policy's limit */
                            skipped: {
                                count: number;
                                kind: "device" | "phone" | "payment" | "address" | "handle" | "ip_range" | "shop_registration";
                                reason: "victim" | "hub" | "invalid" | "over_limit";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appeals, newest first: every one of the tenant for analysts, those of its own shop or account otherwise */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                    status?: "pending" | "upheld" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                case_id: string;
                                filed_at: string;
                                id: string;
                                reason: string;
                                sanction_id: string;
                                status: "pending" | "upheld" | "reversed";
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decides an appeal: upheld (the sanction stands) or reversed (it is lifted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "outcome": "reversed",
                     *       "note": "the calls were answers to the consumer"
                     *     }
                     */
                    "application/json": {
                        note: string;
                        outcome: "upheld" | "reversed";
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description An appeal of a sanction and its outcome */
                            appeal: {
                                case_id: string;
                                filed_at: string;
                                id: string;
                                reason: string;
                                sanction_id: string;
                                status: "pending" | "upheld" | "reversed";
                            } & {
                                [key: string]: unknown;
                            };
                            quality?: {
                                [key: string]: unknown;
                            };
                            /**
                             * @description An entry of the sanctions ledger
                             * @example {
                             *       "id": "snc_0b6d1e2f3a4b5c6d7e8f",
                             *       "source": "default",
                             *       "case_id": "case_9a8b7c6d5e4f3a2b1c0d",
                             *       "evidence": {
                             *         "alert_ids": [
                             *           "alr_9a8b7c6d5e4f3a2b1c0d"
                             *         ]
                             *       },
                             *       "subject": {
                             *         "type": "shop",
                             *         "id": "s_4"
                             *       },
                             *       "kind": "points",
                             *       "points": 12,
                             *       "reason": "12 points for a confirmed harassment case (1 incident)",
                             *       "effective_at": "2026-11-05T09:12:44.301Z",
                             *       "state": "active",
                             *       "created_by": "key_5f0c2a9e1b7d3c44"
                             *     }
                             */
                            sanction: {
                                case_id: string;
                                created_by: string;
                                effective_at: string;
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                points?: number;
                                reason: string;
                                source: string;
                                state: "active" | "appealed" | "reversed";
                                subject: {
                                    id: string;
                                    type: string;
                                };
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backtests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Backtest a candidate rule set (YAML or JSON) over the stored events, beside the rules in force; runs in the background */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        rules: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string;
                            error?: string;
                            id: string;
                            progress: {
                                /** @description events replayed so far */
                                events: number;
                                /** @description events stored when it started */
                                of: number;
                            };
                            /** @description the backtest report (docs/backtest.md), when done */
                            report?: {
                                [key: string]: unknown;
                            };
                            started: string;
                            status: "running" | "done" | "failed";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/backtests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A backtest's status, progress and, when done, its report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            by: string;
                            error?: string;
                            id: string;
                            progress: {
                                /** @description events replayed so far */
                                events: number;
                                /** @description events stored when it started */
                                of: number;
                            };
                            /** @description the backtest report (docs/backtest.md), when done */
                            report?: {
                                [key: string]: unknown;
                            };
                            started: string;
                            status: "running" | "done" | "failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases, in queue order (severity, then money at stake) or newest first, paged by cursor
         * @description Analysts see every case of their tenant; a merchant key sees the cases of its own shop only (shop= may name only that shop, else 403), in the merchant view.
         */
        get: {
            parameters: {
                query: {
                    account?: string;
                    assignee?: string;
                    cursor?: string;
                    kind?: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                    limit: number;
                    /** @description cases first seen at or before this event time (their age) */
                    opened_before?: string;
                    /** @description queue: most severe first, then most money at stake, then oldest; newest: first seen, newest first */
                    order: "queue" | "newest";
                    severity?: "low" | "medium" | "high" | "critical";
                    shop?: string;
                    status?: "open" | "confirmed" | "dismissed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: (({
                                accounts: string[];
                                accused_shops: string[];
                                alert_ids: string[];
                                assignee?: string;
                                at_stake_fen: number;
                                attachments: {
                                    [key: string]: unknown;
                                }[];
                                complaint_ids: string[];
                                id: string;
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                opened: string;
                                order_count: number;
                                protections: {
                                    [key: string]: unknown;
                                }[];
                                resolution?: {
                                    [key: string]: unknown;
                                };
                                severity: "low" | "medium" | "high" | "critical";
                                shops: string[];
                                source: string;
                                status: "open" | "confirmed" | "dismissed";
                                summary: string;
                                updated: string;
                                victim_shops: string[];
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                id: string;
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                opened: string;
                                order_count: number;
                                protections: {
                                    [key: string]: unknown;
                                }[];
                                resolution?: {
                                    [key: string]: unknown;
                                };
                                role: "victim" | "sanctioned";
                                severity: "low" | "medium" | "high" | "critical";
                                status: "open" | "confirmed" | "dismissed";
                                summary: string;
                                updated: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description the analyst view, or the merchant view for a merchant key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": ({
                            accounts: string[];
                            accused_shops: string[];
                            alert_ids: string[];
                            assignee?: string;
                            at_stake_fen: number;
                            attachments: {
                                [key: string]: unknown;
                            }[];
                            complaint_ids: string[];
                            id: string;
                            kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                            opened: string;
                            order_count: number;
                            protections: {
                                [key: string]: unknown;
                            }[];
                            resolution?: {
                                [key: string]: unknown;
                            };
                            severity: "low" | "medium" | "high" | "critical";
                            shops: string[];
                            source: string;
                            status: "open" | "confirmed" | "dismissed";
                            summary: string;
                            updated: string;
                            victim_shops: string[];
                        } & {
                            [key: string]: unknown;
                        }) | ({
                            id: string;
                            kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                            opened: string;
                            order_count: number;
                            protections: {
                                [key: string]: unknown;
                            }[];
                            resolution?: {
                                [key: string]: unknown;
                            };
                            role: "victim" | "sanctioned";
                            severity: "low" | "medium" | "high" | "critical";
                            status: "open" | "confirmed" | "dismissed";
                            summary: string;
                            updated: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assigns the case to an analyst */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "assignee": "li.wei"
                     *     }
                     */
                    "application/json": {
                        assignee: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description One incident for people to act on (analyst view) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "case_3f1c0e9a7b2d4c6e8a10",
                         *       "source": "default",
                         *       "kind": "reverse_brushing",
                         *       "status": "open",
                         *       "severity": "critical",
                         *       "alert_ids": [
                         *         "alr_3f1c0e9a7b2d4c6e8a10"
                         *       ],
                         *       "summary": "item i_3 of shop s_9 flooded with 512 orders in 30 min; ...",
                         *       "opened": "2026-11-02T10:31:00.000Z",
                         *       "updated": "2026-11-02T11:02:00.000Z",
                         *       "shops": [
                         *         "s_9"
                         *       ],
                         *       "victim_shops": [
                         *         "s_9"
                         *       ],
                         *       "accused_shops": [],
                         *       "accounts": [
                         *         "u_11",
                         *         "u_12"
                         *       ],
                         *       "order_count": 512,
                         *       "at_stake_fen": 1530880,
                         *       "protections": [
                         *         {
                         *           "kind": "orders_excluded",
                         *           "shop": "s_9",
                         *           "orders": [
                         *             "o_1",
                         *             "o_2"
                         *           ],
                         *           "since": "2026-11-02T10:31:05.120Z"
                         *         }
                         *       ],
                         *       "complaint_ids": [],
                         *       "attachments": []
                         *     }
                         */
                        "application/json": {
                            accounts: string[];
                            accused_shops: string[];
                            alert_ids: string[];
                            assignee?: string;
                            at_stake_fen: number;
                            attachments: {
                                [key: string]: unknown;
                            }[];
                            complaint_ids: string[];
                            id: string;
                            kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                            opened: string;
                            order_count: number;
                            protections: {
                                [key: string]: unknown;
                            }[];
                            resolution?: {
                                [key: string]: unknown;
                            };
                            severity: "low" | "medium" | "high" | "critical";
                            shops: string[];
                            source: string;
                            status: "open" | "confirmed" | "dismissed";
                            summary: string;
                            updated: string;
                            victim_shops: string[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attaches evidence kept elsewhere, by name, hash and location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "call-log.pdf",
                     *       "description": "the consumer's call log",
                     *       "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                     *     }
                     */
                    "application/json": {
                        description: string;
                        name: string;
                        sha256?: string;
                        uri?: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description One incident for people to act on (analyst view) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "case_3f1c0e9a7b2d4c6e8a10",
                         *       "source": "default",
                         *       "kind": "reverse_brushing",
                         *       "status": "open",
                         *       "severity": "critical",
                         *       "alert_ids": [
                         *         "alr_3f1c0e9a7b2d4c6e8a10"
                         *       ],
                         *       "summary": "item i_3 of shop s_9 flooded with 512 orders in 30 min; ...",
                         *       "opened": "2026-11-02T10:31:00.000Z",
                         *       "updated": "2026-11-02T11:02:00.000Z",
                         *       "shops": [
                         *         "s_9"
                         *       ],
                         *       "victim_shops": [
                         *         "s_9"
                         *       ],
                         *       "accused_shops": [],
                         *       "accounts": [
                         *         "u_11",
                         *         "u_12"
                         *       ],
                         *       "order_count": 512,
                         *       "at_stake_fen": 1530880,
                         *       "protections": [
                         *         {
                         *           "kind": "orders_excluded",
                         *           "shop": "s_9",
                         *           "orders": [
                         *             "o_1",
                         *             "o_2"
                         *           ],
                         *           "since": "2026-11-02T10:31:05.120Z"
                         *         }
                         *       ],
                         *       "complaint_ids": [],
                         *       "attachments": []
                         *     }
                         */
                        "application/json": {
                            accounts: string[];
                            accused_shops: string[];
                            alert_ids: string[];
                            assignee?: string;
                            at_stake_fen: number;
                            attachments: {
                                [key: string]: unknown;
                            }[];
                            complaint_ids: string[];
                            id: string;
                            kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                            opened: string;
                            order_count: number;
                            protections: {
                                [key: string]: unknown;
                            }[];
                            resolution?: {
                                [key: string]: unknown;
                            };
                            severity: "low" | "medium" | "high" | "critical";
                            shops: string[];
                            source: string;
                            status: "open" | "confirmed" | "dismissed";
                            summary: string;
                            updated: string;
                            victim_shops: string[];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case's audit log: every person's action, who, when, before and after, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds a comment to the case (kept in its audit log) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "text": "called the victim shop"
                     *     }
                     */
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evidence package of a case: JSON, CSV and a printable HTML report, with a manifest of SHA-256 hashes
         * @description Raw personal data for analysts only; keyed hashes (HMAC-SHA256) for other roles. A merchant gets the package of a case its shop is harmed by or sanctioned on.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description The evidence package: every file with its content, and manifest.json listing each SHA-256 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                content: string;
                                content_type: string;
                                name: string;
                            }[];
                            manifest: {
                                case_id: string;
                                files: {
                                    bytes: number;
                                    name: string;
                                    sha256: string;
                                }[];
                                generated_at: string;
                                personal_data: "raw" | "keyed_hashes";
                            };
                            manifest_sha256: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/evidence/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file of the evidence package with its own content type (report.html to print, orders.csv ...) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/proposed-sanctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sanctions the configuration proposes were the case confirmed now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                items?: string[];
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                orders?: string[];
                                permanent?: boolean;
                                points?: number;
                                /** @description why, in words the sanctioned party can read */
                                reason: string;
                                restrictions?: ("refund_only_disabled" | "coupons_barred" | "evidence_required")[];
                                subject: {
                                    id: string;
                                    type: "shop" | "account";
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resolves an open case as confirmed (with sanctions) or dismissed
         * @description Confirmed: the sanctions given, or the proposed ones, go on the ledger; points may escalate a shop; linked complaints are upheld. A harmed shop is never sanctioned (400). A resolved case answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "outcome": "confirmed",
                     *       "note": "flood from one farm; victim protected, farm restricted"
                     *     }
                     */
                    "application/json": {
                        note: string;
                        outcome: "confirmed" | "dismissed";
                        /** @description confirmed only; without it the sanctions the configuration proposes (GET .../proposed-sanctions) apply */
                        sanctions?: {
                            items?: string[];
                            kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                            orders?: string[];
                            permanent?: boolean;
                            points?: number;
                            /** @description why, in words the sanctioned party can read */
                            reason: string;
                            restrictions?: ("refund_only_disabled" | "coupons_barred" | "evidence_required")[];
                            subject: {
                                id: string;
                                type: "shop" | "account";
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description One incident for people to act on (analyst view)
                             * @example {
                             *       "id": "case_3f1c0e9a7b2d4c6e8a10",
                             *       "source": "default",
                             *       "kind": "reverse_brushing",
                             *       "status": "open",
                             *       "severity": "critical",
                             *       "alert_ids": [
                             *         "alr_3f1c0e9a7b2d4c6e8a10"
                             *       ],
                             *       "summary": "item i_3 of shop s_9 flooded with 512 orders in 30 min; ...",
                             *       "opened": "2026-11-02T10:31:00.000Z",
                             *       "updated": "2026-11-02T11:02:00.000Z",
                             *       "shops": [
                             *         "s_9"
                             *       ],
                             *       "victim_shops": [
                             *         "s_9"
                             *       ],
                             *       "accused_shops": [],
                             *       "accounts": [
                             *         "u_11",
                             *         "u_12"
                             *       ],
                             *       "order_count": 512,
                             *       "at_stake_fen": 1530880,
                             *       "protections": [
                             *         {
                             *           "kind": "orders_excluded",
                             *           "shop": "s_9",
                             *           "orders": [
                             *             "o_1",
                             *             "o_2"
                             *           ],
                             *           "since": "2026-11-02T10:31:05.120Z"
                             *         }
                             *       ],
                             *       "complaint_ids": [],
                             *       "attachments": []
                             *     }
                             */
                            case: {
                                accounts: string[];
                                accused_shops: string[];
                                alert_ids: string[];
                                assignee?: string;
                                at_stake_fen: number;
                                attachments: {
                                    [key: string]: unknown;
                                }[];
                                complaint_ids: string[];
                                id: string;
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                opened: string;
                                order_count: number;
                                protections: {
                                    [key: string]: unknown;
                                }[];
                                resolution?: {
                                    [key: string]: unknown;
                                };
                                severity: "low" | "medium" | "high" | "critical";
                                shops: string[];
                                source: string;
                                status: "open" | "confirmed" | "dismissed";
                                summary: string;
                                updated: string;
                                victim_shops: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            sanctions: ({
                                case_id: string;
                                created_by: string;
                                effective_at: string;
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                points?: number;
                                reason: string;
                                source: string;
                                state: "active" | "appealed" | "reversed";
                                subject: {
                                    id: string;
                                    type: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reverses a confirmed case: every sanction of it lifted, the case reopened or dismissed
         * @description Its sanctions go to reversed (points stop counting), pending appeals of them are decided with it, the case goes back to the queue (reopened: it can be resolved again) or is dismissed; one audit entry per change; a case.reversed webhook; the signals the case shared with alliance partners are revoked before the answer. A case not confirmed answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "outcome": "reopened",
                     *       "note": "the devices were a family's; look again at the orders"
                     *     }
                     */
                    "application/json": {
                        note: string;
                        outcome: "reopened" | "dismissed";
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description One incident for people to act on (analyst view)
                             * @example {
                             *       "id": "case_3f1c0e9a7b2d4c6e8a10",
                             *       "source": "default",
                             *       "kind": "reverse_brushing",
                             *       "status": "open",
                             *       "severity": "critical",
                             *       "alert_ids": [
                             *         "alr_3f1c0e9a7b2d4c6e8a10"
                             *       ],
                             *       "summary": "item i_3 of shop s_9 flooded with 512 orders in 30 min; ...",
                             *       "opened": "2026-11-02T10:31:00.000Z",
                             *       "updated": "2026-11-02T11:02:00.000Z",
                             *       "shops": [
                             *         "s_9"
                             *       ],
                             *       "victim_shops": [
                             *         "s_9"
                             *       ],
                             *       "accused_shops": [],
                             *       "accounts": [
                             *         "u_11",
                             *         "u_12"
                             *       ],
                             *       "order_count": 512,
                             *       "at_stake_fen": 1530880,
                             *       "protections": [
                             *         {
                             *           "kind": "orders_excluded",
                             *           "shop": "s_9",
                             *           "orders": [
                             *             "o_1",
                             *             "o_2"
                             *           ],
                             *           "since": "2026-11-02T10:31:05.120Z"
                             *         }
                             *       ],
                             *       "complaint_ids": [],
                             *       "attachments": []
                             *     }
                             */
                            case: {
                                accounts: string[];
                                accused_shops: string[];
                                alert_ids: string[];
                                assignee?: string;
                                at_stake_fen: number;
                                attachments: {
                                    [key: string]: unknown;
                                }[];
                                complaint_ids: string[];
                                id: string;
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                opened: string;
                                order_count: number;
                                protections: {
                                    [key: string]: unknown;
                                }[];
                                resolution?: {
                                    [key: string]: unknown;
                                };
                                severity: "low" | "medium" | "high" | "critical";
                                shops: string[];
                                source: string;
                                status: "open" | "confirmed" | "dismissed";
                                summary: string;
                                updated: string;
                                victim_shops: string[];
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description the sanctions lifted */
                            sanctions: ({
                                case_id: string;
                                created_by: string;
                                effective_at: string;
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                points?: number;
                                reason: string;
                                source: string;
                                state: "active" | "appealed" | "reversed";
                                subject: {
                                    id: string;
                                    type: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints and reports, newest first: those it filed for a consumer or merchant, every one of the tenant for analysts */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                    status?: "received" | "under_review" | "upheld" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                against_id: string;
                                by_id: string;
                                case_id?: string;
                                filed_at: string;
                                id: string;
                                kind: string;
                                order_ids: string[];
                                review_deadline: string;
                                source: string;
                                status: "received" | "under_review" | "upheld" | "rejected";
                                with_proof: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Files a consumer's complaint (as its account) or a merchant's report (as its shop)
         * @description Becomes a complaint.filed event of the key's tenant, applied at once; the answer is the complaint with its status and review deadline. Filing the same complaint_id again answers the same complaint.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "complaint_id": "cp_77",
                     *       "against_id": "s_4",
                     *       "kind": "harassment"
                     *     }
                     */
                    "application/json": {
                        against_id: string;
                        complaint_id: string;
                        kind: "harassment" | "abnormal_orders" | "malicious_claim" | "extortion" | "counterfeit" | "other";
                        order_ids?: string[];
                        text?: string;
                        /** @description event time of the complaint; the server clock when left out */
                        time?: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A complaint or a merchant's report, with its status and review deadline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cp_77",
                         *       "source": "default",
                         *       "by_id": "u_203",
                         *       "against_id": "s_4",
                         *       "kind": "harassment",
                         *       "order_ids": [],
                         *       "with_proof": false,
                         *       "filed_at": "2026-11-03T08:00:00.000Z",
                         *       "review_deadline": "2026-11-06T08:00:00.000Z",
                         *       "status": "under_review",
                         *       "case_id": "case_9a8b7c6d5e4f3a2b1c0d"
                         *     }
                         */
                        "application/json": {
                            against_id: string;
                            by_id: string;
                            case_id?: string;
                            filed_at: string;
                            id: string;
                            kind: string;
                            order_ids: string[];
                            review_deadline: string;
                            source: string;
                            status: "received" | "under_review" | "upheld" | "rejected";
                            with_proof: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One complaint with its status; 403 for a complaint another filed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A complaint or a merchant's report, with its status and review deadline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cp_77",
                         *       "source": "default",
                         *       "by_id": "u_203",
                         *       "against_id": "s_4",
                         *       "kind": "harassment",
                         *       "order_ids": [],
                         *       "with_proof": false,
                         *       "filed_at": "2026-11-03T08:00:00.000Z",
                         *       "review_deadline": "2026-11-06T08:00:00.000Z",
                         *       "status": "under_review",
                         *       "case_id": "case_9a8b7c6d5e4f3a2b1c0d"
                         *     }
                         */
                        "application/json": {
                            against_id: string;
                            by_id: string;
                            case_id?: string;
                            filed_at: string;
                            id: string;
                            kind: string;
                            order_ids: string[];
                            review_deadline: string;
                            source: string;
                            status: "received" | "under_review" | "upheld" | "rejected";
                            with_proof: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/complaints/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decides a complaint that no case decides */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        outcome: "upheld" | "rejected";
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A complaint or a merchant's report, with its status and review deadline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "id": "cp_77",
                         *       "source": "default",
                         *       "by_id": "u_203",
                         *       "against_id": "s_4",
                         *       "kind": "harassment",
                         *       "order_ids": [],
                         *       "with_proof": false,
                         *       "filed_at": "2026-11-03T08:00:00.000Z",
                         *       "review_deadline": "2026-11-06T08:00:00.000Z",
                         *       "status": "under_review",
                         *       "case_id": "case_9a8b7c6d5e4f3a2b1c0d"
                         *     }
                         */
                        "application/json": {
                            against_id: string;
                            by_id: string;
                            case_id?: string;
                            filed_at: string;
                            id: string;
                            kind: string;
                            order_ids: string[];
                            review_deadline: string;
                            source: string;
                            status: "received" | "under_review" | "upheld" | "rejected";
                            with_proof: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send events: one, a batch, or CloudEvents
         * @description Answers one result per non-blank line, in order. At most 10000 events and 67108864 bytes per request, and 1 MiB per event. CloudEvents binary mode: ce-id, ce-type, ce-time, ce-source (and optional ce-specversion) headers with the event data as an application/json body. An ingest key may send events of its own source only; other lines are rejected with ERR_AUTH_SOURCE_FORBIDDEN.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/cloudevents-batch+json": components["schemas"]["Event"][];
                    "application/cloudevents+json": components["schemas"]["Event"];
                    "application/json": components["schemas"]["Event"];
                    "application/x-ndjson": string;
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description one result per non-blank line, in order */
                            results: ({
                                /** @description stable code of the rejection, ERR_EVENT_... or ERR_AUTH_... */
                                code?: string;
                                /** @description The answer for one event at a decision point (EVENTS.md, Decisions) */
                                decision?: {
                                    actions: string[];
                                    decision: "allow" | "challenge" | "review" | "deny";
                                    event_id: string;
                                    reasons: ({
                                        code: string;
                                        message: string;
                                        /** @description the detector kind or rule id that gave this reason */
                                        rule: string;
                                        score?: number;
                                    } & {
                                        [key: string]: unknown;
                                    })[];
                                    score: number;
                                    type: "account.registered" | "account.login" | "shop.opened" | "listing.updated" | "coupon.claimed" | "order.placed" | "order.paid" | "order.shipped" | "order.delivered" | "order.cancelled" | "refund.requested" | "refund.resolved" | "review.posted" | "message.sent" | "claim.filed" | "complaint.filed";
                                } & {
                                    [key: string]: unknown;
                                };
                                /** @description why the line was rejected: the field, what was expected, what came */
                                error?: string;
                                event_id?: string;
                                /** @description line of the NDJSON body (blank lines get no result), index + 1 in a batch array, 1 for one event */
                                line: number;
                                /** @description the field that was wrong, e.g. data.lines[0].qty */
                                path?: string;
                                status: "accepted" | "duplicate" | "rejected";
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin's tenant's API keys, newest first, revoked ones included; never a key's secret */
        get: {
            parameters: {
                query: {
                    /** @description next_cursor of the previous page */
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description the account a consumer key is scoped to */
                                account?: string;
                                /** @description when it was made (wall clock) */
                                created_at: string;
                                /** @description the key id (not the key): what the request log names */
                                id: string;
                                /** @description when it was revoked; a revoked key gets 401 */
                                revoked_at?: string;
                                role: "ingest" | "analyst" | "merchant" | "consumer" | "partner" | "admin";
                                /** @description the shop a merchant key is scoped to */
                                shop?: string;
                                /** @description the tenant the key belongs to */
                                source: string;
                            }[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Creates an API key of the admin's tenant; the answer holds the key, shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A key of the admin's own tenant */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description required for role consumer, refused for others */
                        account?: string;
                        role: "ingest" | "analyst" | "merchant" | "consumer" | "partner" | "admin";
                        /** @description required for role merchant, refused for others */
                        shop?: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the key itself: shown in this answer only, never again */
                            key: string;
                            /** @description An API key as the store knows it: never the key itself, nor its hash */
                            record: {
                                /** @description the account a consumer key is scoped to */
                                account?: string;
                                /** @description when it was made (wall clock) */
                                created_at: string;
                                /** @description the key id (not the key): what the request log names */
                                id: string;
                                /** @description when it was revoked; a revoked key gets 401 */
                                revoked_at?: string;
                                role: "ingest" | "analyst" | "merchant" | "consumer" | "partner" | "admin";
                                /** @description the shop a merchant key is scoped to */
                                shop?: string;
                                /** @description the tenant the key belongs to */
                                source: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revokes a key of the admin's tenant at once; revoking it again keeps the first time */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An API key as the store knows it: never the key itself, nor its hash */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the account a consumer key is scoped to */
                            account?: string;
                            /** @description when it was made (wall clock) */
                            created_at: string;
                            /** @description the key id (not the key): what the request log names */
                            id: string;
                            /** @description when it was revoked; a revoked key gets 401 */
                            revoked_at?: string;
                            role: "ingest" | "analyst" | "merchant" | "consumer" | "partner" | "admin";
                            /** @description the shop a merchant key is scoped to */
                            shop?: string;
                            /** @description the tenant the key belongs to */
                            source: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every list entry; stale_entries counts hashed entries made with another key, which never match */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                addedAt: string;
                                addedBy: string;
                                /** @description event time, epoch ms, from which it stops matching */
                                expiresAt?: number;
                                hashed: boolean;
                                keyId?: string;
                                list: string;
                                note?: string;
                                /** @description the normalised value (accounts, IP ranges) or its keyed hash */
                                value: string;
                            }[];
                            next_cursor: null;
                            stale_entries: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lists/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One list's entries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    list: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                addedAt: string;
                                addedBy: string;
                                /** @description event time, epoch ms, from which it stops matching */
                                expiresAt?: number;
                                hashed: boolean;
                                keyId?: string;
                                list: string;
                                note?: string;
                                /** @description the normalised value (accounts, IP ranges) or its keyed hash */
                                value: string;
                            }[];
                            next_cursor: null;
                            stale_entries: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add (or replace) an entry: value, optional expires (RFC 3339, event time) and note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    list: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expires?: string;
                        note?: string;
                        value: string | ({
                            city: string;
                            detail: string;
                            district?: string;
                            province: string;
                        } & {
                            [key: string]: unknown;
                        });
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addedAt: string;
                            addedBy: string;
                            /** @description event time, epoch ms, from which it stops matching */
                            expiresAt?: number;
                            hashed: boolean;
                            keyId?: string;
                            list: string;
                            note?: string;
                            /** @description the normalised value (accounts, IP ranges) or its keyed hash */
                            value: string;
                        };
                    };
                };
            };
        };
        /** Remove an entry, given its value (or the stored hash) */
        delete: {
            parameters: {
                query: {
                    value: string;
                };
                header?: never;
                path: {
                    list: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling key's role, tenant and shop */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description The calling key: its role, tenant and shop */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the id of the key (not the key): what the request log names */
                            key_id: string;
                            role: "ingest" | "analyst" | "merchant" | "consumer" | "partner" | "admin";
                            /** @description the shop a merchant key is scoped to */
                            shop?: string;
                            /** @description the tenant the key belongs to */
                            source: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule set in force, with each rule's hits, errors and (shadow rules) what it would have changed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            /** @description the id of the key (or cli:FILE) that saved this version */
                            by: string;
                            rules: {
                                /** @description a rule as written: id, description, when, decision, override, score, actions, mode, code */
                                rule: {
                                    [key: string]: unknown;
                                };
                                stats: {
                                    /** @description evaluations that failed (e.g. a field the event lacks); the rule did not match those */
                                    errors: number;
                                    /** @description events it matched since this version was put in force */
                                    hits: number;
                                    lastError?: string;
                                    /** @description shadow rules: decisions they would have changed, by "from>to" */
                                    wouldChange: {
                                        [key: string]: number;
                                    };
                                };
                            }[];
                            /** @description 0 before any rule was saved */
                            version: number;
                        };
                    };
                };
            };
        };
        /** Replace the whole rule set (a rule file as YAML, or the same as JSON); a new version, or nothing if any rule is bad */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        rules: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            /** @description the id of the key (or cli:FILE) that saved this version */
                            by: string;
                            rules: {
                                /** @description a rule as written: id, description, when, decision, override, score, actions, mode, code */
                                rule: {
                                    [key: string]: unknown;
                                };
                                stats: {
                                    /** @description evaluations that failed (e.g. a field the event lacks); the rule did not match those */
                                    errors: number;
                                    /** @description events it matched since this version was put in force */
                                    hits: number;
                                    lastError?: string;
                                    /** @description shadow rules: decisions they would have changed, by "from>to" */
                                    wouldChange: {
                                        [key: string]: number;
                                    };
                                };
                            }[];
                            /** @description 0 before any rule was saved */
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule and how it has done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description a rule as written: id, description, when, decision, override, score, actions, mode, code */
                            rule: {
                                [key: string]: unknown;
                            };
                            stats: {
                                /** @description evaluations that failed (e.g. a field the event lacks); the rule did not match those */
                                errors: number;
                                /** @description events it matched since this version was put in force */
                                hits: number;
                                lastError?: string;
                                /** @description shadow rules: decisions they would have changed, by "from>to" */
                                wouldChange: {
                                    [key: string]: number;
                                };
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        /** Create or replace one rule (JSON); a new version */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description a rule as written: id, description, when, decision, override, score, actions, mode, code */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description a rule as written: id, description, when, decision, override, score, actions, mode, code */
                            rule: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete one rule; a new version */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a whole rule set (YAML, or the same as JSON) as PUT /v1/rules would, saving nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        rules: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        /**
                         * @example {
                         *       "valid": false,
                         *       "problems": [
                         *         {
                         *           "path": "rules[0].when",
                         *           "rule_id": "big_refund",
                         *           "line": 4,
                         *           "column": 31,
                         *           "message": "unknown feature account.agedays; did you mean account.ageDays?"
                         *         }
                         *       ]
                         *     }
                         */
                        "application/json": {
                            problems: {
                                column?: number;
                                line?: number;
                                /** @description what is wrong and what to write instead */
                                message: string;
                                /** @description where: rules[3].when, rules[0].decision, (file) */
                                path: string;
                                rule_id?: string;
                            }[];
                            valid: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/rules/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail: one record per version, newest first (who, when, what before and after) */
        get: {
            parameters: {
                query: {
                    /** @description versions older than this */
                    before?: number;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: "replace" | "put" | "delete";
                                after: unknown;
                                at: string;
                                before: unknown;
                                by: string;
                                rule_id?: string;
                                version: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sanctions/{id}/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeals a sanction of one's own shop (merchant) or account (consumer); it is `appealed` until decided */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "reason": "the consumer had asked us to call back; the call log is attached to the case"
                     *     }
                     */
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An appeal of a sanction and its outcome */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case_id: string;
                            filed_at: string;
                            id: string;
                            reason: string;
                            sanction_id: string;
                            status: "pending" | "upheld" | "reversed";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{shop_id}/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's quality score, 0 to 100, each component shown, with its history */
        get: {
            parameters: {
                query: {
                    history: number;
                };
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A shop's quality score (0 to 100) with each component and its history */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: {
                                at: string;
                                components: {
                                    [key: string]: unknown;
                                };
                                score: number;
                                shop: string;
                            } & {
                                [key: string]: unknown;
                            };
                            /** @description stored scores, newest first */
                            history: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{shop_id}/sanctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's sanctions ledger, its points over the record window and the level they reach */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description A shop or account ledger: its sanctions, the points that count and the level they reach */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                level: "none" | "warning" | "restricted" | "shop_closed";
                                points: number;
                                to_next_level: number | null;
                            };
                            sanctions: ({
                                case_id: string;
                                created_by: string;
                                effective_at: string;
                                evidence: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                kind: "points" | "sales_cleared" | "listing_removed" | "shop_closed" | "account_restricted";
                                points?: number;
                                reason: string;
                                source: string;
                                state: "active" | "appealed" | "reversed";
                                subject: {
                                    id: string;
                                    type: string;
                                };
                            } & {
                                [key: string]: unknown;
                            })[];
                            subject: {
                                id: string;
                                type: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{shop_id}/strategies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's merchant strategies in force (scalper guards, price guard) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description when the current version was made (wall clock, RFC 3339) */
                            changed_at?: string;
                            /** @description id of the key that made the current version */
                            changed_by?: string;
                            /** @description the price guard lines in force where the strategies set none: the configuration's guards.price_guard */
                            price_guard_defaults: {
                                stop_loss_below_pct: number;
                                warn_below_pct: number;
                            };
                            shop_id: string;
                            /** @description A shop's merchant strategies; PUT replaces the whole document */
                            strategies: {
                                /** @description The shop's price guard */
                                price_guard?: {
                                    /** @description false turns the price guard off for the whole shop; default true */
                                    enabled?: boolean;
                                    /** @description per-item overrides by item id; fields left out take the shop-wide values */
                                    items?: {
                                        [key: string]: {
                                            /** @description false turns the price guard off for this item */
                                            enabled?: boolean;
                                            /** @description pause the listing, and hold shipment of orders, below this percentage of its baseline price */
                                            stop_loss_below_pct?: number;
                                            /** @description warn when the item is listed below this percentage of its baseline price */
                                            warn_below_pct?: number;
                                        };
                                    };
                                    /** @description pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults */
                                    stop_loss_below_pct?: number;
                                    /** @description warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults */
                                    warn_below_pct?: number;
                                };
                                /** @description at most 100 guards; an item belongs to at most one */
                                scalper_guards?: {
                                    /** @description what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny */
                                    action?: "deny" | "limit_quantity" | "review";
                                    /** @description event time from which orders are no longer guarded (exclusive); absent: no end */
                                    ends_at?: string;
                                    /** @description the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it */
                                    id: string;
                                    /** @description the items of the launch; units of any of them count together (colours and sizes of one drop) */
                                    item_ids: string[];
                                    /** @description orders of the launch one delivery door may receive, however its address is written; absent: no limit */
                                    max_orders_per_address?: number;
                                    /** @description days an account must have existed (since registration, or since first seen) before it may buy; absent: any age */
                                    min_account_age_days?: number;
                                    /** @description refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false */
                                    no_vague_addresses?: boolean;
                                    /** @description units one account may buy of the launch; absent: no per-account limit */
                                    per_account_limit?: number;
                                    /** @description units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit */
                                    per_group_limit?: number;
                                    /** @description event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always */
                                    starts_at?: string;
                                }[];
                            };
                            /** @description the current version; 0 while the shop has set none */
                            version: number;
                        };
                    };
                };
            };
        };
        /**
         * Replaces a shop's merchant strategies (that shop's merchant key only); effective from the next event
         * @description The whole document: scalper guards by launch and the price guard. A refused document (400, details.problems with each path and fix) changes nothing. The answer is the new version.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            /** @description A shop's merchant strategies; PUT replaces the whole document */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The shop's price guard */
                        price_guard?: {
                            /** @description false turns the price guard off for the whole shop; default true */
                            enabled?: boolean;
                            /** @description per-item overrides by item id; fields left out take the shop-wide values */
                            items?: {
                                [key: string]: {
                                    /** @description false turns the price guard off for this item */
                                    enabled?: boolean;
                                    /** @description pause the listing, and hold shipment of orders, below this percentage of its baseline price */
                                    stop_loss_below_pct?: number;
                                    /** @description warn when the item is listed below this percentage of its baseline price */
                                    warn_below_pct?: number;
                                };
                            };
                            /** @description pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults */
                            stop_loss_below_pct?: number;
                            /** @description warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults */
                            warn_below_pct?: number;
                        };
                        /** @description at most 100 guards; an item belongs to at most one */
                        scalper_guards?: {
                            /** @description what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny */
                            action?: "deny" | "limit_quantity" | "review";
                            /** @description event time from which orders are no longer guarded (exclusive); absent: no end */
                            ends_at?: string;
                            /** @description the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it */
                            id: string;
                            /** @description the items of the launch; units of any of them count together (colours and sizes of one drop) */
                            item_ids: string[];
                            /** @description orders of the launch one delivery door may receive, however its address is written; absent: no limit */
                            max_orders_per_address?: number;
                            /** @description days an account must have existed (since registration, or since first seen) before it may buy; absent: any age */
                            min_account_age_days?: number;
                            /** @description refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false */
                            no_vague_addresses?: boolean;
                            /** @description units one account may buy of the launch; absent: no per-account limit */
                            per_account_limit?: number;
                            /** @description units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit */
                            per_group_limit?: number;
                            /** @description event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always */
                            starts_at?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description when the current version was made (wall clock, RFC 3339) */
                            changed_at?: string;
                            /** @description id of the key that made the current version */
                            changed_by?: string;
                            /** @description the price guard lines in force where the strategies set none: the configuration's guards.price_guard */
                            price_guard_defaults: {
                                stop_loss_below_pct: number;
                                warn_below_pct: number;
                            };
                            shop_id: string;
                            /** @description A shop's merchant strategies; PUT replaces the whole document */
                            strategies: {
                                /** @description The shop's price guard */
                                price_guard?: {
                                    /** @description false turns the price guard off for the whole shop; default true */
                                    enabled?: boolean;
                                    /** @description per-item overrides by item id; fields left out take the shop-wide values */
                                    items?: {
                                        [key: string]: {
                                            /** @description false turns the price guard off for this item */
                                            enabled?: boolean;
                                            /** @description pause the listing, and hold shipment of orders, below this percentage of its baseline price */
                                            stop_loss_below_pct?: number;
                                            /** @description warn when the item is listed below this percentage of its baseline price */
                                            warn_below_pct?: number;
                                        };
                                    };
                                    /** @description pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults */
                                    stop_loss_below_pct?: number;
                                    /** @description warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults */
                                    warn_below_pct?: number;
                                };
                                /** @description at most 100 guards; an item belongs to at most one */
                                scalper_guards?: {
                                    /** @description what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny */
                                    action?: "deny" | "limit_quantity" | "review";
                                    /** @description event time from which orders are no longer guarded (exclusive); absent: no end */
                                    ends_at?: string;
                                    /** @description the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it */
                                    id: string;
                                    /** @description the items of the launch; units of any of them count together (colours and sizes of one drop) */
                                    item_ids: string[];
                                    /** @description orders of the launch one delivery door may receive, however its address is written; absent: no limit */
                                    max_orders_per_address?: number;
                                    /** @description days an account must have existed (since registration, or since first seen) before it may buy; absent: any age */
                                    min_account_age_days?: number;
                                    /** @description refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false */
                                    no_vague_addresses?: boolean;
                                    /** @description units one account may buy of the launch; absent: no per-account limit */
                                    per_account_limit?: number;
                                    /** @description units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit */
                                    per_group_limit?: number;
                                    /** @description event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always */
                                    starts_at?: string;
                                }[];
                            };
                            /** @description the current version; 0 while the shop has set none */
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{shop_id}/strategies/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's strategy versions, newest first: who changed what, when, before and after */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description when the change was made (wall clock, RFC 3339) */
                                changed_at: string;
                                /** @description id of the key that made the change */
                                changed_by: string;
                                /** @description the document this version replaced; null for the first */
                                previous: {
                                    /** @description The shop's price guard */
                                    price_guard?: {
                                        /** @description false turns the price guard off for the whole shop; default true */
                                        enabled?: boolean;
                                        /** @description per-item overrides by item id; fields left out take the shop-wide values */
                                        items?: {
                                            [key: string]: {
                                                /** @description false turns the price guard off for this item */
                                                enabled?: boolean;
                                                /** @description pause the listing, and hold shipment of orders, below this percentage of its baseline price */
                                                stop_loss_below_pct?: number;
                                                /** @description warn when the item is listed below this percentage of its baseline price */
                                                warn_below_pct?: number;
                                            };
                                        };
                                        /** @description pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults */
                                        stop_loss_below_pct?: number;
                                        /** @description warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults */
                                        warn_below_pct?: number;
                                    };
                                    /** @description at most 100 guards; an item belongs to at most one */
                                    scalper_guards?: {
                                        /** @description what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny */
                                        action?: "deny" | "limit_quantity" | "review";
                                        /** @description event time from which orders are no longer guarded (exclusive); absent: no end */
                                        ends_at?: string;
                                        /** @description the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it */
                                        id: string;
                                        /** @description the items of the launch; units of any of them count together (colours and sizes of one drop) */
                                        item_ids: string[];
                                        /** @description orders of the launch one delivery door may receive, however its address is written; absent: no limit */
                                        max_orders_per_address?: number;
                                        /** @description days an account must have existed (since registration, or since first seen) before it may buy; absent: any age */
                                        min_account_age_days?: number;
                                        /** @description refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false */
                                        no_vague_addresses?: boolean;
                                        /** @description units one account may buy of the launch; absent: no per-account limit */
                                        per_account_limit?: number;
                                        /** @description units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit */
                                        per_group_limit?: number;
                                        /** @description event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always */
                                        starts_at?: string;
                                    }[];
                                } | null;
                                shop_id: string;
                                /** @description A shop's merchant strategies; PUT replaces the whole document */
                                strategies: {
                                    /** @description The shop's price guard */
                                    price_guard?: {
                                        /** @description false turns the price guard off for the whole shop; default true */
                                        enabled?: boolean;
                                        /** @description per-item overrides by item id; fields left out take the shop-wide values */
                                        items?: {
                                            [key: string]: {
                                                /** @description false turns the price guard off for this item */
                                                enabled?: boolean;
                                                /** @description pause the listing, and hold shipment of orders, below this percentage of its baseline price */
                                                stop_loss_below_pct?: number;
                                                /** @description warn when the item is listed below this percentage of its baseline price */
                                                warn_below_pct?: number;
                                            };
                                        };
                                        /** @description pause the listing, and hold shipment of orders, below this percentage of the baseline; default the configured guards.price_guard.stopLossBelowPct (25), shown as price_guard_defaults */
                                        stop_loss_below_pct?: number;
                                        /** @description warn when an item is listed below this percentage of its baseline price; default the configured guards.price_guard.warnBelowPct (45), shown as price_guard_defaults */
                                        warn_below_pct?: number;
                                    };
                                    /** @description at most 100 guards; an item belongs to at most one */
                                    scalper_guards?: {
                                        /** @description what an order that breaks the guard gets: deny, limit_quantity (cut to what still fits) or review; default deny */
                                        action?: "deny" | "limit_quantity" | "review";
                                        /** @description event time from which orders are no longer guarded (exclusive); absent: no end */
                                        ends_at?: string;
                                        /** @description the merchant's name for this guard (letters, digits, _ . -), unique within the shop; its counts are kept under it */
                                        id: string;
                                        /** @description the items of the launch; units of any of them count together (colours and sizes of one drop) */
                                        item_ids: string[];
                                        /** @description orders of the launch one delivery door may receive, however its address is written; absent: no limit */
                                        max_orders_per_address?: number;
                                        /** @description days an account must have existed (since registration, or since first seen) before it may buy; absent: any age */
                                        min_account_age_days?: number;
                                        /** @description refuse delivery addresses without a building and room (a road, a landmark, "see note"); default false */
                                        no_vague_addresses?: boolean;
                                        /** @description units one account may buy of the launch; absent: no per-account limit */
                                        per_account_limit?: number;
                                        /** @description units one linked group (accounts the identity graph joins by device, payment, phone or door) may buy together; absent: no group limit */
                                        per_group_limit?: number;
                                        /** @description event time from which orders are guarded and counted, RFC 3339 UTC with milliseconds; absent: always */
                                        starts_at?: string;
                                    }[];
                                };
                                version: number;
                            }[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shops/{shop_id}/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shop's risk warnings, newest first, paged by cursor
         * @description Orders held or flagged and why, listings paused, claims and refunds flagged, price errors, launches under attack, fake orders against the shop, claims found malicious. For that shop's merchant key, analysts and admins.
         */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    shop_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: (({
                                /** @description side effects asked of the platform, e.g. hold_shipment, pause_listing */
                                actions: string[];
                                claim_id?: string;
                                decision: "challenge" | "review" | "deny";
                                event_type: "account.registered" | "account.login" | "shop.opened" | "listing.updated" | "coupon.claimed" | "order.placed" | "order.paid" | "order.shipped" | "order.delivered" | "order.cancelled" | "refund.requested" | "refund.resolved" | "review.posted" | "message.sent" | "claim.filed" | "complaint.filed";
                                /** @description the event id of a decision warning, the alert id of an alert warning; unique within the shop */
                                id: string;
                                item_ids?: string[];
                                kind: "order_held" | "order_flagged" | "listing_paused" | "listing_flagged" | "claim_flagged" | "refund_flagged";
                                order_id?: string;
                                reasons: ({
                                    code: string;
                                    message: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                refund_id?: string;
                                shop_id: string;
                                /** @enum {string} */
                                source: "decision";
                                /** @description the tenant (event source) of the event or alert; absent for the default tenant */
                                tenant?: string;
                                /** @description event time of the decision, or when the alert was first seen; lists are newest first by it */
                                time: string;
                                /** @description event time of the last change (an alert warning is replaced as its alert grows) */
                                updated: string;
                            } & {
                                [key: string]: unknown;
                            }) | ({
                                /** @description the event id of a decision warning, the alert id of an alert warning; unique within the shop */
                                id: string;
                                item_ids: string[];
                                kind: "reverse_brushing" | "brushing" | "refund_abuse" | "promo_abuse" | "scalping" | "price_error" | "malicious_claim" | "harassment" | "review_manipulation";
                                /** @description orders the alert names */
                                order_count: number;
                                severity: "low" | "medium" | "high" | "critical";
                                shop_id: string;
                                /** @enum {string} */
                                source: "alert";
                                summary: string;
                                /** @description the tenant (event source) of the event or alert; absent for the default tenant */
                                tenant?: string;
                                /** @description event time of the decision, or when the alert was first seen; lists are newest first by it */
                                time: string;
                                /** @description event time of the last change (an alert warning is replaced as its alert grows) */
                                updated: string;
                            } & {
                                [key: string]: unknown;
                            }))[];
                            /** @description pass as ?cursor= for the next page; null on the last */
                            next_cursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events, decisions by value and alerts by kind per bucket of event time */
        get: {
            parameters: {
                query?: {
                    /** @description bucket width; default: the narrowest giving at most 500 buckets */
                    bucket?: "1m" | "5m" | "15m" | "1h" | "6h" | "1d";
                    /** @description start of the range (event time); default: the first stored event */
                    since?: string;
                    /** @description end of the range, exclusive; default: just after the last stored event */
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Events, decisions and alerts over event time */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description by alert kind; kinds without alerts in the range are absent */
                            alerts: {
                                [key: string]: number[];
                            };
                            bucket_ms: number;
                            buckets: number;
                            /** @description by decision value: allow, challenge, review, deny */
                            decisions: {
                                [key: string]: number[];
                            };
                            /** @description events applied, by event time per bucket, one number per bucket */
                            events: number[];
                            /** @description start of the first bucket (event time); bucket i starts at from + i × bucket_ms */
                            from: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/items/{item_id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One item's orders and refund requests per bucket, with its baseline
         * @description The timeline of an incident on an item (a flood of fake orders, a price error, a launch): compare the bars with the baseline.
         */
        get: {
            parameters: {
                query?: {
                    /** @description bucket width; default: the narrowest giving at most 500 buckets */
                    bucket?: "1m" | "5m" | "15m" | "1h" | "6h" | "1d";
                    /** @description start of the range (event time); default: the first stored event */
                    since?: string;
                    /** @description end of the range, exclusive; default: just after the last stored event */
                    until?: string;
                };
                header?: never;
                path: {
                    item_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description One item's orders and refunds over event time, with its baseline */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the item's orders per bucket over the week before `from` (or since the first stored event); null when that is shorter than one bucket */
                            baseline_per_bucket: number | null;
                            /** @description the same baseline in orders an hour, the unit alerts state theirs in (a detector's baseline may differ: it weighs recent hours more and has a floor for new or slow items, as the alert's evidence says) */
                            baseline_per_hour?: number | null;
                            bucket_ms: number;
                            buckets: number;
                            /** @description start of the first bucket (event time); bucket i starts at from + i × bucket_ms */
                            from: string;
                            item_id: string;
                            /** @description orders naming the item per bucket, one number per bucket */
                            orders: number[];
                            /** @description refund requests on those orders per bucket, one number per bucket */
                            refunds: number[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook outbox of the key's tenant, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    status?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An error */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description An error */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                /** @description stable snake_case code; see docs/http.md for the table */
                                code: string;
                                details?: {
                                    [key: string]: unknown;
                                };
                                /** @description what went wrong and what to do */
                                message: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                attempts: number;
                                created_at: string;
                                /** @description also the Idempotency-Key header of every attempt */
                                id: string;
                                last_error?: string;
                                next_at: string;
                                status: "pending" | "delivered" | "failed";
                                type: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Bulwark event
         * @description One event of the Bulwark contract (EVENTS.md); a CloudEvents 1.0 structured-mode event.
         */
        Event: ({
            data: {
                /** @description the new account */
                account_id: string;
                /** @description device */
                device_id?: string;
                email?: string;
                ip?: string;
                phone?: string;
                /** @description referring account */
                referrer_id?: string;
                role: "buyer" | "merchant";
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "account.registered";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description account */
                account_id: string;
                /** @description device */
                device_id?: string;
                ip?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "account.login";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                category?: string;
                name?: string;
                /** @description merchant account that owns the shop */
                owner_id: string;
                /** @description the business registration number of the shop's operator (in China the 18-character unified social credit code), as registered; separators and case do not matter. Optional extension of the contract */
                registration_id?: string;
                /** @description shop */
                shop_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "shop.opened";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                category?: string;
                currency?: string;
                /** @description item */
                item_id: string;
                /** @description a limited launch */
                limited?: boolean;
                per_account_limit?: number;
                /** @description listed price, integer minor units (fen) */
                price: number;
                /** @description shop */
                shop_id: string;
                stock?: number;
                title?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "listing.updated";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description claiming account */
                account_id: string;
                /** @description campaign */
                campaign_id?: string;
                /** @description claim */
                claim_id: string;
                /** @description coupon */
                coupon_id: string;
                /** @description device */
                device_id?: string;
                ip?: string;
                /** @description coupon value, integer minor units (fen) */
                value: number;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "coupon.claimed";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description A delivery address */
                address: {
                    city: string;
                    detail: string;
                    district?: string;
                    phone?: string;
                    province: string;
                    recipient?: string;
                } & {
                    [key: string]: unknown;
                };
                /** @description amount paid, integer minor units (fen) */
                amount: number;
                /** @description buyer account */
                buyer_id: string;
                /** @description coupon used */
                coupon_id?: string;
                /** @description device */
                device_id?: string;
                /** @description discount applied, integer minor units (fen) */
                discount?: number;
                ip?: string;
                lines: ({
                    /** @description item id */
                    item_id: string;
                    qty: number;
                    /** @description price of one unit, integer minor units (fen) */
                    unit_price: number;
                } & {
                    [key: string]: unknown;
                })[];
                /** @description order */
                order_id: string;
                /** @description payment instrument */
                payment_id?: string;
                /** @description shop */
                shop_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "order.placed";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description order */
                order_id: string;
                /** @description payment instrument */
                payment_id?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "order.paid";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                carrier?: string;
                /** @description order */
                order_id: string;
                tracking_no?: string;
                weight_g?: number;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "order.shipped";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description order */
                order_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "order.delivered";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                by: "buyer" | "merchant" | "platform";
                /** @description order */
                order_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "order.cancelled";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description amount asked back, integer minor units (fen) */
                amount: number;
                /** @description buyer account */
                buyer_id: string;
                /** @description number of attachments */
                evidence?: number;
                kind: "refund_only" | "return_and_refund";
                /** @description order */
                order_id: string;
                reason?: string;
                /** @description refund */
                refund_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "refund.requested";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                outcome: "approved" | "rejected";
                /** @description refund */
                refund_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "refund.resolved";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description buyer account */
                buyer_id: string;
                /** @description item */
                item_id?: string;
                /** @description order */
                order_id: string;
                rating: number;
                /** @description review */
                review_id: string;
                /** @description shop */
                shop_id: string;
                text?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "review.posted";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                channel: "chat" | "phone" | "sms" | "mail";
                /** @description sender account */
                from_id: string;
                /** @description message */
                message_id: string;
                /** @description order the message is about */
                order_id?: string;
                text?: string;
                /** @description recipient account */
                to_id: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "message.sent";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description amount claimed, integer minor units (fen) */
                amount: number;
                /** @description claimant account */
                buyer_id: string;
                /** @description claim */
                claim_id: string;
                /** @description order */
                order_id: string;
                reason?: string;
                /** @description shop claimed against */
                shop_id: string;
                text?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "claim.filed";
        } & {
            [key: string]: unknown;
        }) | ({
            data: {
                /** @description account or shop complained about */
                against_id: string;
                /** @description complaining account */
                by_id: string;
                /** @description complaint */
                complaint_id: string;
                kind: "harassment" | "abnormal_orders" | "malicious_claim" | "extortion" | "counterfeit" | "other";
                order_ids?: string[];
                text?: string;
            } & {
                [key: string]: unknown;
            };
            datacontenttype?: string;
            /** @description event id; an id seen before is acknowledged and not applied again */
            id: string;
            /** @description platform or tenant; default "default" */
            source?: string;
            /** @enum {string} */
            specversion?: "1.0";
            /** @description RFC 3339 UTC with milliseconds */
            time: string;
            /** @enum {unknown} */
            type: "complaint.filed";
        } & {
            [key: string]: unknown;
        });
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
