/**
 * Generated from openapi/chat.yaml by scripts/gen-contract.mjs (openapi-typescript).
 * Do not edit: change the spec and run `npm run gen`.
 */
/* biome-ignore-all lint: generated code */

export interface paths {
    "/api/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in and get a token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All channels, newest first */
        get: operations["listChannels"];
        put?: never;
        /** Create a channel (the creator joins it) */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/channel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channels the caller belongs to */
        get: operations["listMyChannels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channel/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a channel */
        post: operations["joinChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channel/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a channel */
        post: operations["leaveChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channel/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of a channel (members only) */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel's history, newest first (members only) */
        get: operations["listMessages"];
        put?: never;
        /** Send a message without a socket (idempotent on client_msg_id) */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The replies to a message, newest first (members only) */
        get: operations["listReplies"];
        put?: never;
        /** Reply to a message without a socket (idempotent on client_msg_id) */
        post: operations["sendReply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/message/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The WebSocket gateway
         * @description Upgrade to a WebSocket. With `Sec-WebSocket-Protocol: parley.v1` the frames are
         *     `ClientFrame` and `ServerFrame`; the first client frame must be `auth` within 5 s.
         *     Without a subprotocol the seed dialect applies: the first frame is the text
         *     `Authorization: Bearer <jwt>`, then `SeedClientFrame`s, answered by `SeedServerFrame`s.
         *     Closes use the codes of `CloseCode`. A bad frame gets an `error` frame, never a close.
         */
        get: operations["openSocket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["health"];
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
        /** Readiness (stores and bus reachable) */
        get: operations["ready"];
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
         * @description A UUID (user and channel ids).
         * @example 0b6f4c5e-1d2a-4f7b-9c3e-5a6b7c8d9e0f
         */
        Uuid: string;
        /**
         * @description A Snowflake id (message and reply ids) as a decimal string.
         * @example 7212345678901234567
         */
        Snowflake: string;
        /** @description An id chosen by the client to make a send idempotent. */
        ClientMsgId: string;
        /**
         * Format: date-time
         * @description An RFC 3339 time in UTC.
         */
        Timestamp: string;
        /** @description Message text, 1 to 4000 characters, not only whitespace. Rendered as text. */
        Content: string;
        /**
         * @description A stable failure code.
         * @enum {string}
         */
        ErrorCode: "invalid_input" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "rate_limited" | "unavailable" | "internal";
        /** @description The success envelope. */
        Success: {
            /** @constant */
            status: "success";
            message: string;
            data?: unknown;
            next_cursor?: string;
        };
        /** @description The failure envelope. */
        Failure: {
            /** @constant */
            status: "fail";
            message: string;
            code: components["schemas"]["ErrorCode"];
            /** @description For `invalid_input`, the request field at fault (dotted path). */
            field?: string;
            /** @description For `rate_limited`, how long to wait. */
            retry_after_ms?: number;
        };
        RegisterRequest: {
            username: string;
            /** Format: email */
            email: string;
            password: string;
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        CreateChannelRequest: {
            name: string;
        };
        ChannelIdRequest: {
            channel_id: components["schemas"]["Uuid"];
        };
        /** @description `user_id` and `username` are ignored: identity comes from the token. */
        SendMessageRequest: {
            channel_id: components["schemas"]["Uuid"];
            content: components["schemas"]["Content"];
            client_msg_id?: components["schemas"]["ClientMsgId"];
        };
        /** @description `user_id` and `username` are ignored: identity comes from the token. */
        SendReplyRequest: {
            message_id: components["schemas"]["Snowflake"];
            content: components["schemas"]["Content"];
            client_msg_id?: components["schemas"]["ClientMsgId"];
        };
        User: {
            id: components["schemas"]["Uuid"];
            name: string;
            email: string;
            created_at: components["schemas"]["Timestamp"];
        };
        LoginResult: {
            id: components["schemas"]["Uuid"];
            name: string;
            email: string;
            /** @description A JWT (HS256); send it as `Authorization: Bearer <token>`. */
            token: string;
            created_at: components["schemas"]["Timestamp"];
        };
        Channel: {
            id: components["schemas"]["Uuid"];
            name: string;
            /** @description The creator. */
            user_id: components["schemas"]["Uuid"];
            created_at: components["schemas"]["Timestamp"];
        };
        ChannelPage: components["schemas"]["Success"] & {
            data: components["schemas"]["Channel"][];
            /** @description Present when there are more channels. */
            next_cursor?: string;
        };
        Member: {
            user_id: components["schemas"]["Uuid"];
            name: string;
            joined_at: components["schemas"]["Timestamp"];
            online: boolean;
        };
        Message: {
            message_id: components["schemas"]["Snowflake"];
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            username: string;
            content: string;
            created_at: components["schemas"]["Timestamp"];
            client_msg_id: string;
            reply_count: number;
        };
        Reply: {
            reply_id: components["schemas"]["Snowflake"];
            message_id: components["schemas"]["Snowflake"];
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            username: string;
            content: string;
            created_at: components["schemas"]["Timestamp"];
            client_msg_id: string;
        };
        MessagePage: {
            messages: components["schemas"]["Message"][];
            /** @description `""` at the end. */
            next_cursor: string;
        };
        ReplyPage: {
            replies: components["schemas"]["Reply"][];
            /** @description `""` at the end. */
            next_cursor: string;
        };
        Health: {
            /**
             * @description `degraded`: a check that only degrades service failed (Redis: cache misses go to the store, presence and typing are off); still ready, answered with 200.
             * @enum {string}
             */
            status: "ok" | "degraded" | "unavailable";
            checks?: {
                [key: string]: string;
            };
        };
        /** @description WebSocket close codes. 4000-4499 the client may reconnect with backoff; 4500-4999 it must not. */
        CloseCode: 1001 | 1009 | 4008 | 4009 | 4401 | 4429 | 4500 | 4501;
        AuthFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "auth";
            token: string;
        };
        SubscribeFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscribe";
            channel_id: components["schemas"]["Uuid"];
            /** @description The newest message id the client has; what it missed is replayed before `subscribed`. A message can reach clients after one with a newer id (two instances writing), so the messages of a short window before `since` are replayed as well, except those listed in `have`. A client that lists nothing drops such repeats by `message_id`. */
            since?: components["schemas"]["Snowflake"];
            /** @description With `since`: ids of the messages the client holds near `since` (its newest ones, up to 1000); they are not sent again. */
            have?: components["schemas"]["Snowflake"][];
        };
        UnsubscribeFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "unsubscribe";
            channel_id: components["schemas"]["Uuid"];
        };
        SendFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "send";
            channel_id: components["schemas"]["Uuid"];
            content: components["schemas"]["Content"];
            client_msg_id?: components["schemas"]["ClientMsgId"];
        };
        ReplyFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reply";
            message_id: components["schemas"]["Snowflake"];
            content: components["schemas"]["Content"];
            client_msg_id?: components["schemas"]["ClientMsgId"];
        };
        TypingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            channel_id: components["schemas"]["Uuid"];
        };
        ReadFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "read";
            channel_id: components["schemas"]["Uuid"];
            message_id: components["schemas"]["Snowflake"];
        };
        PingFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ping";
        };
        /** @description A `parley.v1` frame from client to server. */
        ClientFrame: components["schemas"]["AuthFrame"] | components["schemas"]["SubscribeFrame"] | components["schemas"]["UnsubscribeFrame"] | components["schemas"]["SendFrame"] | components["schemas"]["ReplyFrame"] | components["schemas"]["TypingFrame"] | components["schemas"]["ReadFrame"] | components["schemas"]["PingFrame"];
        ReadyFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ready";
            user: components["schemas"]["User"];
        };
        SubscribedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "subscribed";
            channel_id: components["schemas"]["Uuid"];
            /** @description How many `message` frames were replayed before this one. */
            recovered: number;
            /** @description More than the recovery cap was missed: reload the newest page. */
            gap: boolean;
            /** @description The caller's read position in this channel, `""` when none. */
            read_message_id: string;
            /** @description Messages by others after the read position, up to and including `unread_through` (capped at 1000). */
            unread_count: number;
            /**
             * @description The newest message id the count covers (`""` for an empty channel). A `message` frame
             *     with a larger id is not in `unread_count`; one with a smaller or equal id already is.
             */
            unread_through: string;
        };
        UnsubscribedFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "unsubscribed";
            channel_id: components["schemas"]["Uuid"];
        };
        MessageFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "message";
            message: components["schemas"]["Message"];
        };
        ReplyEventFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "reply";
            reply: components["schemas"]["Reply"];
        };
        AckFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "ack";
            client_msg_id: string;
            message?: components["schemas"]["Message"];
            reply?: components["schemas"]["Reply"];
        };
        TypingEventFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "typing";
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            /** @description `false` when the server expired the indicator or the user sent. */
            typing: boolean;
        };
        PresenceFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "presence";
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            online: boolean;
        };
        /** @description A user joined or left (or was removed from) a subscribed channel. */
        MemberFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "member";
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            /** @description `false`: the user left or was removed. */
            joined: boolean;
        };
        ReadEventFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "read";
            channel_id: components["schemas"]["Uuid"];
            user_id: components["schemas"]["Uuid"];
            message_id: components["schemas"]["Snowflake"];
        };
        ErrorFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "error";
            code: components["schemas"]["ErrorCode"];
            message: string;
            /** @description For `invalid_input`, the frame field at fault. */
            field?: string;
            /** @description Present exactly when the failing frame carried one. */
            client_msg_id?: string;
            /** @description Present when the failing frame named a channel. */
            channel_id?: string;
            /** @description For `rate_limited`, how long to wait. */
            retry_after_ms?: number;
        };
        PongFrame: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "pong";
        };
        /** @description A `parley.v1` frame from server to client. */
        ServerFrame: components["schemas"]["ReadyFrame"] | components["schemas"]["SubscribedFrame"] | components["schemas"]["UnsubscribedFrame"] | components["schemas"]["MessageFrame"] | components["schemas"]["ReplyEventFrame"] | components["schemas"]["AckFrame"] | components["schemas"]["TypingEventFrame"] | components["schemas"]["PresenceFrame"] | components["schemas"]["ReadEventFrame"] | components["schemas"]["MemberFrame"] | components["schemas"]["ErrorFrame"] | components["schemas"]["PongFrame"];
        SeedCreateMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "CreateMessage";
            data: {
                channel_id: components["schemas"]["Uuid"];
                content: components["schemas"]["Content"];
                client_msg_id?: components["schemas"]["ClientMsgId"];
            };
        };
        SeedCreateReply: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            action: "CreateReply";
            data: {
                channel_id?: components["schemas"]["Uuid"];
                message_id: components["schemas"]["Snowflake"];
                content: components["schemas"]["Content"];
                client_msg_id?: components["schemas"]["ClientMsgId"];
            };
        };
        /**
         * @description A seed-dialect frame from the client, after the first frame, which is the text
         *     `Authorization: Bearer <jwt>`. `user_id` and `username` in `data` are ignored.
         */
        SeedClientFrame: components["schemas"]["SeedCreateMessage"] | components["schemas"]["SeedCreateReply"];
        /**
         * @description A seed-dialect frame from the server: `create message successfully` or
         *     `create reply successfully` to the sender, `send message successfully` to every other
         *     member socket, or a failure.
         */
        SeedServerFrame: {
            /** @constant */
            status: "success";
            /** @enum {string} */
            message: "create message successfully" | "create reply successfully" | "send message successfully";
            data: components["schemas"]["Message"] | components["schemas"]["Reply"];
        } | {
            /** @constant */
            status: "fail";
            message: string;
        };
    };
    responses: {
        /** @description Validation failed (`invalid_input`); `field` names the culprit */
        InvalidInput: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Missing, invalid or expired token, or bad credentials (`unauthorized`) */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Not a member of the channel, or an origin not allowed (`forbidden`) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Unknown channel or message (`not_found`) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Duplicate e-mail or membership (`conflict`) */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description Too many requests (`rate_limited`); see the `Retry-After` header */
        RateLimited: {
            headers: {
                /** @description Seconds to wait before retrying */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
        /** @description A store is unreachable (`unavailable`); nothing was stored, retry later */
        Unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Failure"];
            };
        };
    };
    parameters: {
        /** @description The `next_cursor` of the previous page; empty or absent for the first page. */
        Cursor: string;
        /** @description Page size (default 10, at most 100). */
        Limit: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type Uuid = components['schemas']['Uuid'];
export type Snowflake = components['schemas']['Snowflake'];
export type ClientMsgId = components['schemas']['ClientMsgId'];
export type Timestamp = components['schemas']['Timestamp'];
export type Content = components['schemas']['Content'];
export type ErrorCode = components['schemas']['ErrorCode'];
export type Success = components['schemas']['Success'];
export type Failure = components['schemas']['Failure'];
export type RegisterRequest = components['schemas']['RegisterRequest'];
export type LoginRequest = components['schemas']['LoginRequest'];
export type CreateChannelRequest = components['schemas']['CreateChannelRequest'];
export type ChannelIdRequest = components['schemas']['ChannelIdRequest'];
export type SendMessageRequest = components['schemas']['SendMessageRequest'];
export type SendReplyRequest = components['schemas']['SendReplyRequest'];
export type User = components['schemas']['User'];
export type LoginResult = components['schemas']['LoginResult'];
export type Channel = components['schemas']['Channel'];
export type ChannelPage = components['schemas']['ChannelPage'];
export type Member = components['schemas']['Member'];
export type Message = components['schemas']['Message'];
export type Reply = components['schemas']['Reply'];
export type MessagePage = components['schemas']['MessagePage'];
export type ReplyPage = components['schemas']['ReplyPage'];
export type Health = components['schemas']['Health'];
export type CloseCode = components['schemas']['CloseCode'];
export type AuthFrame = components['schemas']['AuthFrame'];
export type SubscribeFrame = components['schemas']['SubscribeFrame'];
export type UnsubscribeFrame = components['schemas']['UnsubscribeFrame'];
export type SendFrame = components['schemas']['SendFrame'];
export type ReplyFrame = components['schemas']['ReplyFrame'];
export type TypingFrame = components['schemas']['TypingFrame'];
export type ReadFrame = components['schemas']['ReadFrame'];
export type PingFrame = components['schemas']['PingFrame'];
export type ClientFrame = components['schemas']['ClientFrame'];
export type ReadyFrame = components['schemas']['ReadyFrame'];
export type SubscribedFrame = components['schemas']['SubscribedFrame'];
export type UnsubscribedFrame = components['schemas']['UnsubscribedFrame'];
export type MessageFrame = components['schemas']['MessageFrame'];
export type ReplyEventFrame = components['schemas']['ReplyEventFrame'];
export type AckFrame = components['schemas']['AckFrame'];
export type TypingEventFrame = components['schemas']['TypingEventFrame'];
export type PresenceFrame = components['schemas']['PresenceFrame'];
export type MemberFrame = components['schemas']['MemberFrame'];
export type ReadEventFrame = components['schemas']['ReadEventFrame'];
export type ErrorFrame = components['schemas']['ErrorFrame'];
export type PongFrame = components['schemas']['PongFrame'];
export type ServerFrame = components['schemas']['ServerFrame'];
export type SeedCreateMessage = components['schemas']['SeedCreateMessage'];
export type SeedCreateReply = components['schemas']['SeedCreateReply'];
export type SeedClientFrame = components['schemas']['SeedClientFrame'];
export type SeedServerFrame = components['schemas']['SeedServerFrame'];
export type ResponseInvalidInput = components['responses']['InvalidInput'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseRateLimited = components['responses']['RateLimited'];
export type ResponseUnavailable = components['responses']['Unavailable'];
export type ParameterCursor = components['parameters']['Cursor'];
export type ParameterLimit = components['parameters']['Limit'];
export type $defs = Record<string, never>;
export interface operations {
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description `register successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["User"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description `login successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["LoginResult"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
    listChannels: {
        parameters: {
            query?: {
                /** @description The `next_cursor` of the previous page; empty or absent for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size (default 100, at most 100). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `get channels successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelPage"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateChannelRequest"];
            };
        };
        responses: {
            /** @description `create channel successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["Channel"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
        };
    };
    listMyChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `get user channels successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["Channel"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    joinChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelIdRequest"];
            };
        };
        responses: {
            /** @description `join channel successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    leaveChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChannelIdRequest"];
            };
        };
        responses: {
            /** @description `leave channel successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"];
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `get members successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["Member"][];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    listMessages: {
        parameters: {
            query: {
                channel_id: components["schemas"]["Uuid"];
                /** @description The `next_cursor` of the previous page; empty or absent for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size (default 10, at most 100). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `get messages successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["MessagePage"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendMessageRequest"];
            };
        };
        responses: {
            /** @description `create message successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["Message"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    listReplies: {
        parameters: {
            query: {
                message_id: components["schemas"]["Snowflake"];
                /** @description The `next_cursor` of the previous page; empty or absent for the first page. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Page size (default 10, at most 100). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `get replies successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["ReplyPage"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    sendReply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendReplyRequest"];
            };
        };
        responses: {
            /** @description `create reply successfully` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Success"] & {
                        data: components["schemas"]["Reply"];
                    };
                };
            };
            400: components["responses"]["InvalidInput"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["Unavailable"];
        };
    };
    openSocket: {
        parameters: {
            query?: never;
            header?: {
                "Sec-WebSocket-Protocol"?: "parley.v1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            403: components["responses"]["Forbidden"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
}
