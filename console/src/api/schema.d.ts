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
        /** The store answers and ingest is running */
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
