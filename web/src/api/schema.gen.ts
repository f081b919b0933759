// GENERATED FILE, do not edit: `npm run api:types` writes it from /api/v1/openapi.json
// (scripts/generate-api-types.ts). CI runs `npm run api:check`, which fails when it is stale.
/* eslint-disable */
export type paths = {
  '/api/v1/admin/ai/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** AI usage over the last days: calls, tokens, audio seconds and estimated cost per day, task and top users; provider chains with their last success and error (admin) */
    get: {
      parameters: {
        query?: {
          days?: number;
        };
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
            'application/json': {
              data: {
                days: number;
                limits: {
                  dailyBudgetUsd: number;
                  /** @description remote spending so far today (UTC) */
                  spentTodayUsd: number;
                  userDailyQuotaUsd: number;
                };
                perDay: {
                  audioSeconds: number;
                  calls: number;
                  /** @description estimated from the configured prices */
                  costUsd: number;
                  /** @description YYYY-MM-DD (UTC) */
                  day: string;
                  /** @description calls that failed or were refused (quota, budget) */
                  failures: number;
                  inputTokens: number;
                  outputTokens: number;
                }[];
                perTask: {
                  audioSeconds: number;
                  calls: number;
                  /** @description estimated from the configured prices */
                  costUsd: number;
                  /** @description calls that failed or were refused (quota, budget) */
                  failures: number;
                  inputTokens: number;
                  model: string;
                  outputTokens: number;
                  provider: string;
                  task: string;
                }[];
                providers: {
                  chain: {
                    lastError: string | null;
                    /** @description ISO-8601 timestamp */
                    lastErrorAt: string | null;
                    /** @description ISO-8601 timestamp */
                    lastOkAt: string | null;
                    /** @description kind:model, in fallback order */
                    provider: string;
                  }[];
                  task: string;
                }[];
                topUsers: {
                  audioSeconds: number;
                  calls: number;
                  /** @description estimated from the configured prices */
                  costUsd: number;
                  /** @description calls that failed or were refused (quota, budget) */
                  failures: number;
                  inputTokens: number;
                  outputTokens: number;
                  user: {
                    id: string;
                    username: string;
                  } | null;
                }[];
                totals: {
                  audioSeconds: number;
                  calls: number;
                  /** @description estimated from the configured prices */
                  costUsd: number;
                  /** @description calls that failed or were refused (quota, budget) */
                  failures: number;
                  inputTokens: number;
                  outputTokens: number;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/analytics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Platform analytics: signups, uploads, views, watch hours, storage per user, transcoding minutes, AI spend
     * @description Admins only. Send `Accept: text/csv` for the table as CSV. (storage per user)
     */
    get: {
      parameters: {
        query?: {
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          /** @description End (exclusive); default now */
          to?: string;
        };
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
            'application/json': {
              data: {
                aiCalls: number;
                aiSpendUsd: number;
                signups: number;
                storage: {
                  perUser: {
                    /** @description sourceBytes + processedBytes */
                    bytes: number;
                    processedBytes: number;
                    sourceBytes: number;
                    userId: string;
                    username: string;
                    videos: number;
                  }[];
                  /** @description totalSourceBytes + totalProcessedBytes */
                  totalBytes: number;
                  /** @description HLS renditions, poster, storyboard, captions, moderation frames */
                  totalProcessedBytes: number;
                  /** @description the uploaded originals */
                  totalSourceBytes: number;
                  totalVideos: number;
                  /** @description ready videos whose processed bytes were never measured (streamhub rebuild storage-usage) */
                  unmeasuredVideos: number;
                };
                transcodingMinutes: number;
                uploads: number;
                views: number;
                watchHours: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Discard a dead-lettered job for good (only failed jobs can be discarded) */
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
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/jobs/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a dead-lettered job back in its queue with fresh attempts */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                attempts: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                id: string;
                lastError: string | null;
                maxAttempts: number;
                name: string;
                payload: unknown;
                progress: number;
                queue: string;
                /** @enum {string} */
                status: 'waiting' | 'active' | 'completed' | 'failed';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/jobs/failed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dead-lettered jobs, most recently failed first */
    get: {
      parameters: {
        query?: {
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          offset?: number;
          queue?: string;
        };
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
            'application/json': {
              data: {
                attempts: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                id: string;
                lastError: string | null;
                maxAttempts: number;
                name: string;
                payload: unknown;
                progress: number;
                queue: string;
                /** @enum {string} */
                status: 'waiting' | 'active' | 'completed' | 'failed';
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/mail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Messages kept by the embedded mailer, newest first */
    get: {
      parameters: {
        query?: {
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          to?: string;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                headers: {
                  [key: string]: string;
                };
                id: string;
                subject: string;
                text: string;
                to: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/moderation/cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automatic moderation review queue with scores, reasons and appeals (admin; cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description pending: the review queue, oldest first; decided: approved and rejected, newest first */
          status?: 'pending' | 'decided';
          /** @description video: title and description; video_image: poster, custom thumbnail and sampled frames */
          type?: 'comment' | 'video' | 'video_image';
        };
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
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                content: {
                  /** @description video_image cases: the pictures at or above the threshold, most unsafe first (else empty) */
                  pictures: {
                    /** @description where in the video the frame is; null for the poster and thumbnail */
                    atSeconds: number | null;
                    /** @description the picture as JPEG (admin, bearer token) */
                    imageUrl: string;
                    position: number;
                    /** @enum {string} */
                    source: 'poster' | 'frame' | 'custom_thumbnail';
                    unsafeScore: number;
                  }[];
                  /** @description the comment, or the video's title and description */
                  text: string;
                  video: {
                    id: string;
                    title: string;
                  } | null;
                };
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                owner: {
                  id: string;
                  username: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/moderation/cases/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve: the comment shows again, the video returns to public lists (admin)
     * @description Only pending cases: anything else is 409 CASE_DECIDED.
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
          'application/json': {
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/moderation/cases/{id}/pictures/{position}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A scored picture of a video's picture case (poster or frame), as JPEG (admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          position: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
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
  '/api/v1/admin/moderation/cases/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject: the comment stays hidden, the video stays out of public lists (admin)
     * @description Only pending cases: anything else is 409 CASE_DECIDED.
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
          'application/json': {
            note?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/moderation/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which moderation models run, and the thresholds (admin) */
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
            'application/json': {
              data: {
                image: {
                  available: boolean;
                  /** @description evenly spaced frames scored per video */
                  frames: number;
                  holdThreshold: number;
                  reason: string;
                  /** @description at most this many shot starts scored as well */
                  sceneFrames: number;
                  threshold: number;
                };
                text: {
                  /** @enum {boolean} */
                  available: true;
                  /** @description providers in fallback order */
                  chain: string[];
                  threshold: number;
                  videoHoldThreshold: number;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/ops/log-routes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The route patterns the stored log lines were logged for, with their line counts (the route filter) */
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
            'application/json': {
              data: {
                lines: number;
                route: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/ops/logs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search the structured logs of every process, newest first */
    get: {
      parameters: {
        query?: {
          level?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          q?: string;
          requestId?: string;
          route?: string;
          since?: string;
          until?: string;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                at: string;
                id: string;
                level: number;
                line: {
                  [key: string]: unknown;
                };
                message: string;
                method: string | null;
                processId: string;
                requestId: string | null;
                route: string | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/ops/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Processes (heartbeats), queue depths, dead letters, replica lag, cache and edge hit ratios */
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
            'application/json': {
              data: {
                caches: {
                  cache: string;
                  hitRatio: number | null;
                  hits: number;
                  lookups: number;
                }[];
                deadLetters: number;
                edge: {
                  bytes: {
                    [key: string]: number;
                  };
                  hitRatio: number | null;
                  requests: {
                    [key: string]: number;
                  };
                } | null;
                processes: {
                  host: string;
                  id: string;
                  kind: string;
                  /** @description ISO-8601 timestamp */
                  lastSeenAt: string;
                  pid: number;
                  stale: boolean;
                  /** @description ISO-8601 timestamp */
                  startedAt: string;
                  stats: {
                    [key: string]: unknown;
                  };
                }[];
                queues: {
                  active: number;
                  completed: number;
                  failed: number;
                  oldestWaitingSeconds: number;
                  queue: string;
                  waiting: number;
                }[];
                replicas: {
                  lagSeconds: number;
                  name: string;
                  up: boolean;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports on comments with the comment, its author and video (admin; cursor pagination)
     * @description meta.nextCursor continues the list. Reports on comments of deleted videos are left out.
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description open: oldest first (the queue); resolved: newest first */
          status?: 'open' | 'resolved';
        };
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
            'application/json': {
              data: {
                comment: {
                  author: {
                    id: string;
                    isBanned: boolean;
                    username: string;
                  };
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  id: string;
                  isDeleted: boolean;
                  isHidden: boolean;
                  /** @description open reports on this comment, this one included */
                  openReportCount: number;
                  text: string;
                };
                commentId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason: 'spam' | 'harassment' | 'hate' | 'misinformation' | 'other';
                reporter: {
                  id: string;
                  username: string;
                };
                /** @enum {string|null} */
                resolution: 'dismiss' | 'hide_comment' | 'ban_user' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
                video: {
                  id: string;
                  title: string;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decide on a report: dismiss, hide the comment, or ban its author (admin)
     * @description Closes every open report of the same comment. A report that is already resolved answers 409 REPORT_RESOLVED.
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
          'application/json': {
            /**
             * @description dismiss: keep the comment; hide_comment: hide it; ban_user: suspend its author
             * @enum {string}
             */
            action: 'dismiss' | 'hide_comment' | 'ban_user';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                report: {
                  commentId: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  details: string | null;
                  id: string;
                  /** @enum {string} */
                  reason: 'spam' | 'harassment' | 'hate' | 'misinformation' | 'other';
                  /** @enum {string|null} */
                  resolution: 'dismiss' | 'hide_comment' | 'ban_user' | null;
                  resolutionNote: string | null;
                  /** @description ISO-8601 timestamp */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  /** @enum {string} */
                  status: 'open' | 'resolved';
                };
                /** @description open reports of the same comment closed by this decision, this one included */
                resolvedReports: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/search/zero-results': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Queries of the last 7 days that found nothing, most recently searched first (admin; cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                lastSearchedAt: string;
                query: string;
                searches: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts by username (admin), with their role and ban state */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description start of the username or email */
          q?: string;
        };
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
            'application/json': {
              data: {
                avatarUrl: string | null;
                /** @description ISO-8601 timestamp */
                bannedAt: string | null;
                bio: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                email: string;
                id: string;
                /** @enum {string} */
                role: 'viewer' | 'creator' | 'admin';
                username: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/users/{id}/ban': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend an account (admin): no login, comments, replies, likes or reports. Idempotent. */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                bannedAt: string | null;
                userId: string;
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/users/{id}/unban': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a suspension (admin). Idempotent. */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                bannedAt: string | null;
                userId: string;
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/video-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reports on videos with the video, its creator and the reporter (admin; cursor pagination)
     * @description meta.nextCursor continues the list.
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description open: oldest first (the queue); resolved: newest first */
          status?: 'open' | 'resolved';
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason:
                  | 'sexual'
                  | 'violent'
                  | 'hateful'
                  | 'harassment'
                  | 'harmful'
                  | 'child_safety'
                  | 'spam'
                  | 'misleading'
                  | 'other';
                reporter: {
                  id: string;
                  username: string;
                };
                /** @enum {string|null} */
                resolution: 'dismiss' | 'remove_video' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
                video: {
                  creator: {
                    id: string;
                    username: string;
                  };
                  id: string;
                  isRemoved: boolean;
                  /** @description open reports on this video, this one included */
                  openReportCount: number;
                  title: string;
                };
                videoId: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/admin/video-reports/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decide on a video report: keep the video, or remove it (admin)
     * @description Closes every open report of the same video. A report that is already resolved answers 409 REPORT_RESOLVED.
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
          'application/json': {
            /**
             * @description dismiss: keep the video; remove_video: delete it
             * @enum {string}
             */
            action: 'dismiss' | 'remove_video';
            note?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                report: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  details: string | null;
                  id: string;
                  /** @enum {string} */
                  reason:
                    | 'sexual'
                    | 'violent'
                    | 'hateful'
                    | 'harassment'
                    | 'harmful'
                    | 'child_safety'
                    | 'spam'
                    | 'misleading'
                    | 'other';
                  /** @enum {string|null} */
                  resolution: 'dismiss' | 'remove_video' | null;
                  resolutionNote: string | null;
                  /** @description ISO-8601 timestamp */
                  resolvedAt: string | null;
                  resolvedBy: string | null;
                  /** @enum {string} */
                  status: 'open' | 'resolved';
                  videoId: string;
                };
                /** @description open reports of the same video closed by this decision, this one included */
                resolvedReports: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/channel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your channel: totals with the change against the previous period, time series, top videos, new vs returning viewers
     * @description Admins may pass channelId. Send `Accept: text/csv` for the table as CSV. (the time series)
     */
    get: {
      parameters: {
        query?: {
          /** @description Admins only: another channel */
          channelId?: string;
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          granularity?: 'hour' | 'day';
          /** @description End (exclusive); default now */
          to?: string;
        };
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
            'application/json': {
              data: {
                change: {
                  [key: string]: number | null;
                };
                devices: {
                  key: string;
                  share: number;
                  views: number;
                }[];
                previousTotals: {
                  averageViewSeconds: number;
                  comments: number;
                  likes: number;
                  rebufferRatio: number;
                  startupP50Ms: number | null;
                  startupP95Ms: number | null;
                  subscribersGained: number;
                  subscribersLost: number;
                  uniqueViewers: number;
                  views: number;
                  watchSeconds: number;
                };
                series: {
                  averageViewSeconds: number;
                  comments: number;
                  likes: number;
                  rebufferRatio: number;
                  start: string;
                  startupP50Ms: number | null;
                  startupP95Ms: number | null;
                  subscribersGained: number;
                  subscribersLost: number;
                  uniqueViewers: number;
                  views: number;
                  watchSeconds: number;
                }[];
                sources: {
                  key: string;
                  share: number;
                  views: number;
                }[];
                topVideos: {
                  averageViewSeconds: number;
                  title: string;
                  videoId: string;
                  views: number;
                  watchSeconds: number;
                }[];
                totals: {
                  averageViewSeconds: number;
                  comments: number;
                  likes: number;
                  rebufferRatio: number;
                  startupP50Ms: number | null;
                  startupP95Ms: number | null;
                  subscribersGained: number;
                  subscribersLost: number;
                  uniqueViewers: number;
                  views: number;
                  watchSeconds: number;
                };
                viewers: {
                  new: number;
                  returning: number;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a batch of player events (anonymous allowed)
     * @description At most 100 events, none older than 24 hours; event times are corrected by the offset between `sentAt` and the server clock. Answers 202 before the events are stored: they are inserted in batches by the workers.
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
          'application/json': {
            events: {
              at: number;
              durationMs?: number;
              from?: number;
              position?: number;
              rendition?: string;
              secondsPlayed?: number;
              /** @enum {string} */
              type: 'play' | 'heartbeat' | 'seek' | 'pause' | 'ended' | 'rebuffer' | 'quality_change' | 'error';
            }[];
            /**
             * @default direct
             * @enum {string}
             */
            referrer?:
              'home' | 'search' | 'subscriptions' | 'channel' | 'playlist' | 'recommendations' | 'external' | 'direct';
            sentAt: number;
            sessionId: string;
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                accepted: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/realtime': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your channel right now: concurrent viewers and views per minute over the last 60 minutes
     * @description Admins may pass channelId. Send `Accept: text/csv` for the table as CSV. (the minutes)
     */
    get: {
      parameters: {
        query?: {
          channelId?: string;
        };
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
            'application/json': {
              data: {
                concurrentByVideo: {
                  title: string;
                  videoId: string;
                  viewers: number;
                }[];
                concurrentViewers: number;
                perMinute: {
                  minute: string;
                  views: number;
                  watchSeconds: number;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/videos/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A video's totals and time series (views, watch time, engagement, playback quality)
     * @description Owner or admin only. Send `Accept: text/csv` for the table as CSV.
     */
    get: {
      parameters: {
        query?: {
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          granularity?: 'hour' | 'day';
          /** @description End (exclusive); default now */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                series: {
                  averageViewSeconds: number;
                  comments: number;
                  likes: number;
                  rebufferRatio: number;
                  start: string;
                  startupP50Ms: number | null;
                  startupP95Ms: number | null;
                  subscribersGained: number;
                  subscribersLost: number;
                  uniqueViewers: number;
                  views: number;
                  watchSeconds: number;
                }[];
                totals: {
                  averageViewSeconds: number;
                  comments: number;
                  likes: number;
                  rebufferRatio: number;
                  startupP50Ms: number | null;
                  startupP95Ms: number | null;
                  subscribersGained: number;
                  subscribersLost: number;
                  uniqueViewers: number;
                  views: number;
                  watchSeconds: number;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/videos/{id}/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Views by device class and by browser
     * @description Owner or admin only. Send `Accept: text/csv` for the table as CSV.
     */
    get: {
      parameters: {
        query?: {
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          granularity?: 'hour' | 'day';
          /** @description End (exclusive); default now */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                browsers: {
                  key: string;
                  share: number;
                  views: number;
                }[];
                devices: {
                  key: string;
                  share: number;
                  views: number;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/videos/{id}/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Retention curve: % of viewers still watching at each 1 % of the video
     * @description Owner or admin only. Send `Accept: text/csv` for the table as CSV.
     */
    get: {
      parameters: {
        query?: {
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          granularity?: 'hour' | 'day';
          /** @description End (exclusive); default now */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                curve: {
                  percent: number;
                  retention: number;
                  viewers: number;
                }[];
                durationSeconds: number | null;
                views: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/analytics/videos/{id}/sources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Views by traffic source and by country
     * @description Owner or admin only. Send `Accept: text/csv` for the table as CSV.
     */
    get: {
      parameters: {
        query?: {
          /** @description Start (inclusive); default 28 days before `to` */
          from?: string;
          granularity?: 'hour' | 'day';
          /** @description End (exclusive); default now */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                countries: {
                  key: string;
                  share: number;
                  views: number;
                }[];
                sources: {
                  key: string;
                  share: number;
                  views: number;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change your password (the current one proves it is you); signs out every other session
     * @description Answers a new session for the caller: every earlier refresh token is revoked. A wrong current password is a 400 on currentPassword; a weak new one, or the current one again, a 400 on newPassword. The account's address gets a notice.
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
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                accessToken: string;
                /** @description access token lifetime in seconds */
                expiresIn: number;
                refreshToken: string;
                /** @enum {string} */
                tokenType: 'Bearer';
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  email: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/forgot-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Email a password-reset link (answers the same whether or not the account exists) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                message: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with email (or username) and password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description email address or username */
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                accessToken: string;
                /** @description access token lifetime in seconds */
                expiresIn: number;
                refreshToken: string;
                /** @enum {string} */
                tokenType: 'Bearer';
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  email: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the login a refresh token belongs to */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                message: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in account */
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
            'application/json': {
              data: {
                avatarUrl: string | null;
                bio: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                email: string;
                id: string;
                /** @enum {string} */
                role: 'viewer' | 'creator' | 'admin';
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange a refresh token for a new pair (the old one is spent) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            refreshToken: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                accessToken: string;
                /** @description access token lifetime in seconds */
                expiresIn: number;
                refreshToken: string;
                /** @enum {string} */
                tokenType: 'Bearer';
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  email: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account and sign in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: email */
            email: string;
            password: string;
            /**
             * @description creator to open a channel and upload
             * @default viewer
             * @enum {string}
             */
            role?: 'viewer' | 'creator';
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                accessToken: string;
                /** @description access token lifetime in seconds */
                expiresIn: number;
                refreshToken: string;
                /** @enum {string} */
                tokenType: 'Bearer';
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  email: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/auth/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with a reset token; signs out every session */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                message: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your bookings, newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
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
            'application/json': {
              data: {
                amountCents: number;
                /** @description A confirmed seat can be cancelled until this time */
                cancelUntil: string;
                /** Format: uuid */
                classId: string;
                classTitle: string;
                /** @description ISO-8601 timestamp */
                confirmedAt: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                currency: string;
                /** @description Held: the seat is released at this time unless confirmed (and paid) */
                holdExpiresAt: string | null;
                /** Format: uuid */
                id: string;
                paid: boolean;
                refunded: boolean;
                seatNo: number | null;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** @description 1 for the head of the waitlist; null when not waitlisted */
                waitlistPosition: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your bookings */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                amountCents: number;
                /** @description A confirmed seat can be cancelled until this time */
                cancelUntil: string;
                /** Format: uuid */
                classId: string;
                classTitle: string;
                /** @description ISO-8601 timestamp */
                confirmedAt: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                currency: string;
                /** @description Held: the seat is released at this time unless confirmed (and paid) */
                holdExpiresAt: string | null;
                /** Format: uuid */
                id: string;
                paid: boolean;
                refunded: boolean;
                seatNo: number | null;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** @description 1 for the head of the waitlist; null when not waitlisted */
                waitlistPosition: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/bookings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a booking (a confirmed seat until the cut-off; paid seats are refunded) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                amountCents: number;
                /** @description A confirmed seat can be cancelled until this time */
                cancelUntil: string;
                /** Format: uuid */
                classId: string;
                classTitle: string;
                /** @description ISO-8601 timestamp */
                confirmedAt: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                currency: string;
                /** @description Held: the seat is released at this time unless confirmed (and paid) */
                holdExpiresAt: string | null;
                /** Format: uuid */
                id: string;
                paid: boolean;
                refunded: boolean;
                seatNo: number | null;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** @description 1 for the head of the waitlist; null when not waitlisted */
                waitlistPosition: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/bookings/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a held seat, paying where the class has a price */
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
          'application/json': {
            /** @description Required when the class has a price: the token from the payment checkout */
            paymentToken?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                amountCents: number;
                /** @description A confirmed seat can be cancelled until this time */
                cancelUntil: string;
                /** Format: uuid */
                classId: string;
                classTitle: string;
                /** @description ISO-8601 timestamp */
                confirmedAt: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                currency: string;
                /** @description Held: the seat is released at this time unless confirmed (and paid) */
                holdExpiresAt: string | null;
                /** Format: uuid */
                id: string;
                paid: boolean;
                refunded: boolean;
                seatNo: number | null;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** @description 1 for the head of the waitlist; null when not waitlisted */
                waitlistPosition: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A completion certificate, by its verifiable id (public, shareable) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                completedAt: string;
                /** Format: uuid */
                courseId: string;
                courseTitle: string;
                /** Format: uuid */
                id: string;
                learner: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/classes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Upcoming open classes, soonest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
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
            'application/json': {
              data: {
                cancelCutoffMinutes: number;
                /** @description ISO-8601 timestamp */
                cancelUntil: string;
                capacity: number;
                /** Format: uuid */
                courseId: string | null;
                /** Format: uuid */
                creatorId: string;
                currency: string;
                description: string;
                /** @description How long a booked seat is held while the learner confirms */
                holdSeconds: number;
                /** Format: uuid */
                id: string;
                /** @description The signed-in learner’s live booking of this class */
                myBooking: {
                  amountCents: number;
                  /** @description A confirmed seat can be cancelled until this time */
                  cancelUntil: string;
                  /** Format: uuid */
                  classId: string;
                  classTitle: string;
                  /** @description ISO-8601 timestamp */
                  confirmedAt: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  currency: string;
                  /** @description Held: the seat is released at this time unless confirmed (and paid) */
                  holdExpiresAt: string | null;
                  /** Format: uuid */
                  id: string;
                  paid: boolean;
                  refunded: boolean;
                  seatNo: number | null;
                  /** @description ISO-8601 timestamp */
                  startsAt: string;
                  /** @enum {string} */
                  status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                  /** @description 1 for the head of the waitlist; null when not waitlisted */
                  waitlistPosition: number | null;
                } | null;
                priceCents: number;
                seatsLeft: number;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'open' | 'cancelled';
                /** Format: uuid */
                streamId: string;
                title: string;
                waitlisted: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Schedule a live class on one of your scheduled streams or premieres */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Default 60 */
            cancelCutoffMinutes?: number;
            capacity: number;
            /**
             * Format: uuid
             * @description A course of yours the class belongs to
             */
            courseId?: string;
            currency?: string;
            description?: string;
            /** @description 0 or absent: free */
            priceCents?: number;
            /**
             * Format: uuid
             * @description A scheduled live stream or premiere of yours, with a start time in the future
             */
            streamId: string;
            /** @description Default: the stream's title */
            title?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                cancelCutoffMinutes: number;
                /** @description ISO-8601 timestamp */
                cancelUntil: string;
                capacity: number;
                /** Format: uuid */
                courseId: string | null;
                /** Format: uuid */
                creatorId: string;
                currency: string;
                description: string;
                /** @description How long a booked seat is held while the learner confirms */
                holdSeconds: number;
                /** Format: uuid */
                id: string;
                /** @description The signed-in learner’s live booking of this class */
                myBooking: {
                  amountCents: number;
                  /** @description A confirmed seat can be cancelled until this time */
                  cancelUntil: string;
                  /** Format: uuid */
                  classId: string;
                  classTitle: string;
                  /** @description ISO-8601 timestamp */
                  confirmedAt: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  currency: string;
                  /** @description Held: the seat is released at this time unless confirmed (and paid) */
                  holdExpiresAt: string | null;
                  /** Format: uuid */
                  id: string;
                  paid: boolean;
                  refunded: boolean;
                  seatNo: number | null;
                  /** @description ISO-8601 timestamp */
                  startsAt: string;
                  /** @enum {string} */
                  status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                  /** @description 1 for the head of the waitlist; null when not waitlisted */
                  waitlistPosition: number | null;
                } | null;
                priceCents: number;
                seatsLeft: number;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'open' | 'cancelled';
                /** Format: uuid */
                streamId: string;
                title: string;
                waitlisted: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/classes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A class: seats left, waitlist length, and your booking */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                cancelCutoffMinutes: number;
                /** @description ISO-8601 timestamp */
                cancelUntil: string;
                capacity: number;
                /** Format: uuid */
                courseId: string | null;
                /** Format: uuid */
                creatorId: string;
                currency: string;
                description: string;
                /** @description How long a booked seat is held while the learner confirms */
                holdSeconds: number;
                /** Format: uuid */
                id: string;
                /** @description The signed-in learner’s live booking of this class */
                myBooking: {
                  amountCents: number;
                  /** @description A confirmed seat can be cancelled until this time */
                  cancelUntil: string;
                  /** Format: uuid */
                  classId: string;
                  classTitle: string;
                  /** @description ISO-8601 timestamp */
                  confirmedAt: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  currency: string;
                  /** @description Held: the seat is released at this time unless confirmed (and paid) */
                  holdExpiresAt: string | null;
                  /** Format: uuid */
                  id: string;
                  paid: boolean;
                  refunded: boolean;
                  seatNo: number | null;
                  /** @description ISO-8601 timestamp */
                  startsAt: string;
                  /** @enum {string} */
                  status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                  /** @description 1 for the head of the waitlist; null when not waitlisted */
                  waitlistPosition: number | null;
                } | null;
                priceCents: number;
                seatsLeft: number;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'open' | 'cancelled';
                /** Format: uuid */
                streamId: string;
                title: string;
                waitlisted: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/classes/{id}/attendees': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The class's seats and waitlist (its creator only) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                bookingId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                paid: boolean;
                seatNo: number | null;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** Format: uuid */
                userId: string;
                username: string;
                waitlistPosition: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/classes/{id}/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Book a seat (held while you confirm) or a waitlist place when the class is full
     * @description Send an Idempotency-Key header to make retries safe: the same key answers the same booking, never a second one.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description When every seat is taken: wait in line (default) or be refused (409 CLASS_FULL) */
            joinWaitlist?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                amountCents: number;
                /** @description A confirmed seat can be cancelled until this time */
                cancelUntil: string;
                /** Format: uuid */
                classId: string;
                classTitle: string;
                /** @description ISO-8601 timestamp */
                confirmedAt: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                currency: string;
                /** @description Held: the seat is released at this time unless confirmed (and paid) */
                holdExpiresAt: string | null;
                /** Format: uuid */
                id: string;
                paid: boolean;
                refunded: boolean;
                seatNo: number | null;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                /** @description 1 for the head of the waitlist; null when not waitlisted */
                waitlistPosition: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/classes/teaching': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Classes you teach, latest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
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
            'application/json': {
              data: {
                cancelCutoffMinutes: number;
                /** @description ISO-8601 timestamp */
                cancelUntil: string;
                capacity: number;
                /** Format: uuid */
                courseId: string | null;
                /** Format: uuid */
                creatorId: string;
                currency: string;
                description: string;
                /** @description How long a booked seat is held while the learner confirms */
                holdSeconds: number;
                /** Format: uuid */
                id: string;
                /** @description The signed-in learner’s live booking of this class */
                myBooking: {
                  amountCents: number;
                  /** @description A confirmed seat can be cancelled until this time */
                  cancelUntil: string;
                  /** Format: uuid */
                  classId: string;
                  classTitle: string;
                  /** @description ISO-8601 timestamp */
                  confirmedAt: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  currency: string;
                  /** @description Held: the seat is released at this time unless confirmed (and paid) */
                  holdExpiresAt: string | null;
                  /** Format: uuid */
                  id: string;
                  paid: boolean;
                  refunded: boolean;
                  seatNo: number | null;
                  /** @description ISO-8601 timestamp */
                  startsAt: string;
                  /** @enum {string} */
                  status: 'held' | 'paying' | 'confirmed' | 'waitlisted' | 'cancelled' | 'expired' | 'payment_failed';
                  /** @description 1 for the head of the waitlist; null when not waitlisted */
                  waitlistPosition: number | null;
                } | null;
                priceCents: number;
                seatsLeft: number;
                /** @description ISO-8601 timestamp */
                startsAt: string;
                /** @enum {string} */
                status: 'open' | 'cancelled';
                /** Format: uuid */
                streamId: string;
                title: string;
                waitlisted: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Comment on a video
     * @description Ready videos you can see, unless the owner turned comments off (403 COMMENTS_DISABLED). Suspended accounts get 403 ACCOUNT_SUSPENDED. New comments and replies are rate limited per user (5/min, bursts of 3): 429 with Retry-After. Send an Idempotency-Key header to make retries safe: the same key answers the comment it created (header Idempotent-Replayed: true).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One comment (a tombstone once deleted) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Edit your comment (marks it edited) */
    put: {
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
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a comment (author, video owner or admin); soft, replies stay readable. Idempotent. */
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
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/comments/{id}/appeal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Appeal the automatic moderation of your comment
     * @description Once per comment or video, while it is held for review or after a rejection: the case goes back to the admin queue with the message. A second appeal is 409 ALREADY_APPEALED; a subject that was not flagged (or was approved) is 409 NOTHING_TO_APPEAL.
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
          'application/json': {
            /** @description why the decision should be reconsidered */
            message: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/hide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hide a comment (video owner or admin): only its author, the owner and admins still see it
     * @description Idempotent. Hidden comments do not count in replyCount or the video's commentCount.
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
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/like': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Like a comment (idempotent) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                commentId: string;
                likeCount: number;
                liked: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Take back a like (idempotent) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                commentId: string;
                likeCount: number;
                liked: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/moderation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automatic moderation of your comment: scores, reasons, status (owner or admin) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/replies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Replies of a thread, oldest first (cursor pagination)
     * @description meta.nextCursor continues the list (null on the last page)
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/reply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reply to a comment; a reply to a reply joins the same thread and mentions whom it answers
     * @description Same rules and rate limit as posting a comment. Send an Idempotency-Key header to make retries safe: the same key answers the comment it created (header Idempotent-Replayed: true).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            text: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a comment to the moderators
     * @description One open report per user and comment: reporting again answers 200 with the open report instead of 201.
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
          'application/json': {
            /** @description what the moderators should know */
            details?: string;
            /** @enum {string} */
            reason: 'spam' | 'harassment' | 'hate' | 'misinformation' | 'other';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                commentId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason: 'spam' | 'harassment' | 'hate' | 'misinformation' | 'other';
                /** @enum {string|null} */
                resolution: 'dismiss' | 'hide_comment' | 'ban_user' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                commentId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason: 'spam' | 'harassment' | 'hate' | 'misinformation' | 'other';
                /** @enum {string|null} */
                resolution: 'dismiss' | 'hide_comment' | 'ban_user' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/translation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A comment translated into the viewer's language, with the original
     * @description Errors: 400 when no target language is given or known; 422 LANGUAGE_UNDETECTED (too short to tell), 422 TRANSLATION_UNAVAILABLE (no engine for the pair), 503 TRANSLATION_FAILED (the engine failed; try again).
     */
    get: {
      parameters: {
        query?: {
          /** @description target language (ISO 639-1, e.g. "en"); defaults to the first known language of Accept-Language */
          to?: string;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                cached: boolean;
                commentId: string;
                from: string;
                model: {
                  name: string;
                  version: string;
                } | null;
                /** @description e.g. "Translated from Spanish" */
                notice: string;
                /** @description the comment as written */
                original: {
                  language: string;
                  text: string;
                };
                /** @description the translation (or the original when translated is false) */
                text: string;
                to: string;
                /** @description false when the comment is already in the target language */
                translated: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/comments/{id}/unhide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Show a hidden comment again (video owner or admin)
     * @description Idempotent. Hidden comments do not count in replyCount or the video's commentCount.
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
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your uploaded source documents */
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                filename: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'pdf' | 'markdown' | 'epub';
                pageCount: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a source document (body: the PDF, EPUB or Markdown file); its text is extracted now
     * @description Content-Type application/pdf (a scan is read by OCR), application/epub+zip or text/markdown. An unreadable file is a 422 with the reason.
     */
    post: {
      parameters: {
        query: {
          filename: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                filename: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'pdf' | 'markdown' | 'epub';
                pageCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-exports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An export: status, and the signed download link when completed */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                answerKey: boolean;
                bytes: number | null;
                /** Format: uuid */
                courseId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description a signed, expiring link to the PDF once completed */
                downloadUrl: string | null;
                failureReason: string | null;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                /** Format: uuid */
                id: string;
                pages: number | null;
                /** @enum {string} */
                status: 'queued' | 'running' | 'completed' | 'failed';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-exports/{id}/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The exported PDF, through the signed link from the export (no bearer token needed) */
    get: {
      parameters: {
        query: {
          expires: number;
          sig: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
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
  '/api/v1/course-generation-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which generators can write a course (the offline pipeline always; the AI one when configured) and your quota */
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
            'application/json': {
              data: {
                quota: {
                  /** @description generator tokens per user per UTC day */
                  limit: number;
                  remaining: number;
                  /** @description seconds until the quota resets (00:00 UTC) */
                  resetsInSeconds: number;
                  used: number;
                };
                /** @description the configured AI generator's model; null when only the offline pipeline can write courses */
                remoteGenerator: string | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-generations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate a course from videos and documents, as a job (idempotent per sources and options)
     * @description The same request returns the existing generation (201 only when a new one starts). With useGenerator, a spent daily token quota is a 429 with Retry-After and the remaining quota; useGenerator without a configured generator is a 422.
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
          'application/json': {
            /** @default [] */
            documentIds?: string[];
            /** @default 4 */
            questionsPerModule?: number;
            title?: string;
            /**
             * @description let the configured AI generator write it (uses your daily token quota)
             * @default false
             */
            useGenerator?: boolean;
            /** @default [] */
            videoIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                courseId: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                failureReason: string | null;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                /** @description "remote" when the configured generator wrote it, "local" otherwise */
                generator: string | null;
                /** Format: uuid */
                id: string;
                progress: number;
                stage: string;
                /** @enum {string} */
                status: 'queued' | 'running' | 'completed' | 'failed';
                tokensUsed: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                courseId: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                failureReason: string | null;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                /** @description "remote" when the configured generator wrote it, "local" otherwise */
                generator: string | null;
                /** Format: uuid */
                id: string;
                progress: number;
                stage: string;
                /** @enum {string} */
                status: 'queued' | 'running' | 'completed' | 'failed';
                tokensUsed: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-generations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A generation: status, stage, progress, the course when done, the reason when failed */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                courseId: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                failureReason: string | null;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                /** @description "remote" when the configured generator wrote it, "local" otherwise */
                generator: string | null;
                /** Format: uuid */
                id: string;
                progress: number;
                stage: string;
                /** @enum {string} */
                status: 'queued' | 'running' | 'completed' | 'failed';
                tokensUsed: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/course-generations/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-Sent Events: `progress` while it runs, then `completed` or `failed` (the stream ends) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
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
  '/api/v1/courses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The course catalogue (published public courses, newest first), or with mine=true the courses you created */
    get: {
      parameters: {
        query?: {
          limit?: number;
          mine?: 'true' | 'false';
        };
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
            'application/json': {
              data: {
                coverUrl: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                creatorId: string;
                description: string;
                /** Format: uuid */
                id: string;
                language: string;
                /** @enum {string} */
                level: 'beginner' | 'intermediate' | 'advanced';
                /** @description ISO-8601 timestamp */
                publishedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a course (a draft) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uri */
            coverUrl?: string | null;
            description?: string;
            language?: string;
            /** @enum {string} */
            level?: 'beginner' | 'intermediate' | 'advanced';
            title: string;
            /** @enum {string} */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                coverUrl: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                creatorId: string;
                description: string;
                /** Format: uuid */
                id: string;
                language: string;
                /** @enum {string} */
                level: 'beginner' | 'intermediate' | 'advanced';
                /** @description ISO-8601 timestamp */
                publishedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A course page: the course and its outline (quiz answers are never included) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                course: {
                  coverUrl: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  /** Format: uuid */
                  creatorId: string;
                  description: string;
                  /** Format: uuid */
                  id: string;
                  language: string;
                  /** @enum {string} */
                  level: 'beginner' | 'intermediate' | 'advanced';
                  /** @description ISO-8601 timestamp */
                  publishedAt: string | null;
                  /** @enum {string} */
                  status: 'draft' | 'published';
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
                creator: {
                  /** Format: uuid */
                  id: string;
                  username: string;
                };
                modules: {
                  /** Format: uuid */
                  id: string;
                  lessons: {
                    bodyMarkdown: string;
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: 'video' | 'reading' | 'quiz';
                    maxAttempts: number;
                    /** Format: uuid */
                    moduleId: string;
                    /**
                     * @description generated by AI, edited after generation, or written by hand
                     * @enum {string}
                     */
                    origin: 'manual' | 'generated' | 'edited';
                    passPercent: number;
                    position: number;
                    questions: {
                      citation:
                        | (
                            | {
                                seconds: number;
                                /** Format: uuid */
                                videoId: string;
                              }
                            | {
                                document: string;
                                page: number;
                              }
                          )
                        | null;
                      id: string;
                      /** @enum {string} */
                      kind: 'choice' | 'cloze';
                      options: string[] | null;
                      /**
                       * @description generated by AI, edited after generation, or written by hand
                       * @enum {string}
                       */
                      origin: 'manual' | 'generated' | 'edited';
                      prompt: string;
                    }[];
                    summary: string;
                    title: string;
                    /** Format: uuid */
                    videoId: string | null;
                    xp: number;
                  }[];
                  /**
                   * @description generated by AI, edited after generation, or written by hand
                   * @enum {string}
                   */
                  origin: 'manual' | 'generated' | 'edited';
                  position: number;
                  title: string;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Edit a course */
    put: {
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
          'application/json': {
            /** Format: uri */
            coverUrl?: string | null;
            description?: string;
            language?: string;
            /** @enum {string} */
            level?: 'beginner' | 'intermediate' | 'advanced';
            title?: string;
            /** @enum {string} */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                coverUrl: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                creatorId: string;
                description: string;
                /** Format: uuid */
                id: string;
                language: string;
                /** @enum {string} */
                level: 'beginner' | 'intermediate' | 'advanced';
                /** @description ISO-8601 timestamp */
                publishedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a course with its lessons and learner progress */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {boolean} */
                done: true;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/edit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The course builder's view: the outline with quiz answers and each item's origin (creator only) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                course: {
                  coverUrl: string | null;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  /** Format: uuid */
                  creatorId: string;
                  description: string;
                  /** Format: uuid */
                  id: string;
                  language: string;
                  /** @enum {string} */
                  level: 'beginner' | 'intermediate' | 'advanced';
                  /** @description ISO-8601 timestamp */
                  publishedAt: string | null;
                  /** @enum {string} */
                  status: 'draft' | 'published';
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
                creator: {
                  /** Format: uuid */
                  id: string;
                  username: string;
                };
                modules: {
                  /** Format: uuid */
                  id: string;
                  lessons: {
                    bodyMarkdown: string;
                    /** Format: uuid */
                    id: string;
                    /** @enum {string} */
                    kind: 'video' | 'reading' | 'quiz';
                    maxAttempts: number;
                    /** Format: uuid */
                    moduleId: string;
                    /**
                     * @description generated by AI, edited after generation, or written by hand
                     * @enum {string}
                     */
                    origin: 'manual' | 'generated' | 'edited';
                    passPercent: number;
                    position: number;
                    questions: {
                      answer: number | string;
                      citation:
                        | (
                            | {
                                seconds: number;
                                /** Format: uuid */
                                videoId: string;
                              }
                            | {
                                document: string;
                                page: number;
                              }
                          )
                        | null;
                      id: string;
                      /** @enum {string} */
                      kind: 'choice' | 'cloze';
                      options: string[] | null;
                      /**
                       * @description generated by AI, edited after generation, or written by hand
                       * @enum {string}
                       */
                      origin: 'manual' | 'generated' | 'edited';
                      prompt: string;
                    }[];
                    summary: string;
                    title: string;
                    /** Format: uuid */
                    videoId: string | null;
                    xp: number;
                  }[];
                  /**
                   * @description generated by AI, edited after generation, or written by hand
                   * @enum {string}
                   */
                  origin: 'manual' | 'generated' | 'edited';
                  position: number;
                  title: string;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/enrolment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enrol in a published course (idempotent) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                certificateId: string | null;
                completedLessonIds: string[];
                enrolled: boolean;
                lessonCount: number;
                /** @description completed lessons out of all, 0-100 */
                percent: number;
                /**
                 * Format: uuid
                 * @description the lesson to open next: the last one opened, or the first not done
                 */
                resumeLessonId: string | null;
                /** @description XP this request awarded (lessons it found complete) */
                xpAwarded: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/exports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Export the course to PDF in the background (answer key: creator only) */
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
          'application/json': {
            /** @default false */
            answerKey?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                answerKey: boolean;
                bytes: number | null;
                /** Format: uuid */
                courseId: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description a signed, expiring link to the PDF once completed */
                downloadUrl: string | null;
                failureReason: string | null;
                /** @description ISO-8601 timestamp */
                finishedAt: string | null;
                /** Format: uuid */
                id: string;
                pages: number | null;
                /** @enum {string} */
                status: 'queued' | 'running' | 'completed' | 'failed';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/lessons/{lessonId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Edit a lesson; a generated lesson or question that changes is marked edited */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lessonId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            bodyMarkdown?: string;
            maxAttempts?: number;
            passPercent?: number;
            questions?: {
              answer: number | string;
              citation?:
                | {
                    seconds: number;
                    /** Format: uuid */
                    videoId: string;
                  }
                | {
                    document: string;
                    page: number;
                  };
              id?: string;
              /** @enum {string} */
              kind: 'choice' | 'cloze';
              options?: string[];
              prompt: string;
            }[];
            summary?: string;
            title?: string;
            /** Format: uuid */
            videoId?: string;
            xp?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                bodyMarkdown: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'video' | 'reading' | 'quiz';
                maxAttempts: number;
                /** Format: uuid */
                moduleId: string;
                /**
                 * @description generated by AI, edited after generation, or written by hand
                 * @enum {string}
                 */
                origin: 'manual' | 'generated' | 'edited';
                passPercent: number;
                position: number;
                questions: {
                  answer: number | string;
                  citation:
                    | (
                        | {
                            seconds: number;
                            /** Format: uuid */
                            videoId: string;
                          }
                        | {
                            document: string;
                            page: number;
                          }
                      )
                    | null;
                  id: string;
                  /** @enum {string} */
                  kind: 'choice' | 'cloze';
                  options: string[] | null;
                  /**
                   * @description generated by AI, edited after generation, or written by hand
                   * @enum {string}
                   */
                  origin: 'manual' | 'generated' | 'edited';
                  prompt: string;
                }[];
                summary: string;
                title: string;
                /** Format: uuid */
                videoId: string | null;
                xp: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a lesson */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lessonId: string;
        };
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
            'application/json': {
              data: {
                /** @enum {boolean} */
                done: true;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/lessons/{lessonId}/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a quiz attempt: graded on the server; the right answers come back only now */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lessonId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            answers: {
              answer: number | string;
              questionId: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                attemptsLeft: number;
                passed: boolean;
                progress: {
                  /** Format: uuid */
                  certificateId: string | null;
                  completedLessonIds: string[];
                  enrolled: boolean;
                  lessonCount: number;
                  /** @description completed lessons out of all, 0-100 */
                  percent: number;
                  /**
                   * Format: uuid
                   * @description the lesson to open next: the last one opened, or the first not done
                   */
                  resumeLessonId: string | null;
                  /** @description XP this request awarded (lessons it found complete) */
                  xpAwarded: number;
                };
                results: {
                  correct: boolean;
                  expected: number | string;
                  questionId: string;
                }[];
                scorePercent: number;
                xpAwarded: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/lessons/{lessonId}/open': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a lesson: it becomes where you resume */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lessonId: string;
        };
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
            'application/json': {
              data: {
                /** Format: uuid */
                certificateId: string | null;
                completedLessonIds: string[];
                enrolled: boolean;
                lessonCount: number;
                /** @description completed lessons out of all, 0-100 */
                percent: number;
                /**
                 * Format: uuid
                 * @description the lesson to open next: the last one opened, or the first not done
                 */
                resumeLessonId: string | null;
                /** @description XP this request awarded (lessons it found complete) */
                xpAwarded: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/lessons/{lessonId}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A reading was scrolled to its end: it is complete */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          lessonId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {boolean} */
            scrolledToEnd: true;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                certificateId: string | null;
                completedLessonIds: string[];
                enrolled: boolean;
                lessonCount: number;
                /** @description completed lessons out of all, 0-100 */
                percent: number;
                /**
                 * Format: uuid
                 * @description the lesson to open next: the last one opened, or the first not done
                 */
                resumeLessonId: string | null;
                /** @description XP this request awarded (lessons it found complete) */
                xpAwarded: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/modules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a module at the end */
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
          'application/json': {
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                /**
                 * @description generated by AI, edited after generation, or written by hand
                 * @enum {string}
                 */
                origin: 'manual' | 'generated' | 'edited';
                position: number;
                title: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/modules/{moduleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Rename a module */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          moduleId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                /**
                 * @description generated by AI, edited after generation, or written by hand
                 * @enum {string}
                 */
                origin: 'manual' | 'generated' | 'edited';
                position: number;
                title: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a module and its lessons */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          moduleId: string;
        };
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
            'application/json': {
              data: {
                /** @enum {boolean} */
                done: true;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/modules/{moduleId}/lessons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a lesson at the end of a module: a video (yours or a public one), a reading (Markdown) or a quiz */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          moduleId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            bodyMarkdown?: string;
            /** @enum {string} */
            kind: 'video' | 'reading' | 'quiz';
            maxAttempts?: number;
            passPercent?: number;
            questions?: {
              answer: number | string;
              citation?:
                | {
                    seconds: number;
                    /** Format: uuid */
                    videoId: string;
                  }
                | {
                    document: string;
                    page: number;
                  };
              id?: string;
              /** @enum {string} */
              kind: 'choice' | 'cloze';
              options?: string[];
              prompt: string;
            }[];
            summary?: string;
            title: string;
            /** Format: uuid */
            videoId?: string;
            xp?: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                bodyMarkdown: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'video' | 'reading' | 'quiz';
                maxAttempts: number;
                /** Format: uuid */
                moduleId: string;
                /**
                 * @description generated by AI, edited after generation, or written by hand
                 * @enum {string}
                 */
                origin: 'manual' | 'generated' | 'edited';
                passPercent: number;
                position: number;
                questions: {
                  answer: number | string;
                  citation:
                    | (
                        | {
                            seconds: number;
                            /** Format: uuid */
                            videoId: string;
                          }
                        | {
                            document: string;
                            page: number;
                          }
                      )
                    | null;
                  id: string;
                  /** @enum {string} */
                  kind: 'choice' | 'cloze';
                  options: string[] | null;
                  /**
                   * @description generated by AI, edited after generation, or written by hand
                   * @enum {string}
                   */
                  origin: 'manual' | 'generated' | 'edited';
                  prompt: string;
                }[];
                summary: string;
                title: string;
                /** Format: uuid */
                videoId: string | null;
                xp: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Reorder the outline (drag and drop): every module and lesson, in their new order */
    put: {
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
          'application/json': {
            modules: {
              /** Format: uuid */
              id: string;
              lessonIds: string[];
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {boolean} */
                done: true;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your progress; video lessons watched to 90 % are completed (with XP) as it is read */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                certificateId: string | null;
                completedLessonIds: string[];
                enrolled: boolean;
                lessonCount: number;
                /** @description completed lessons out of all, 0-100 */
                percent: number;
                /**
                 * Format: uuid
                 * @description the lesson to open next: the last one opened, or the first not done
                 */
                resumeLessonId: string | null;
                /** @description XP this request awarded (lessons it found complete) */
                xpAwarded: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/courses/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a course (it needs a lesson) or take it back to draft */
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
          'application/json': {
            published: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                coverUrl: string | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                creatorId: string;
                description: string;
                /** Format: uuid */
                id: string;
                language: string;
                /** @enum {string} */
                level: 'beginner' | 'intermediate' | 'advanced';
                /** @description ISO-8601 timestamp */
                publishedAt: string | null;
                /** @enum {string} */
                status: 'draft' | 'published';
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/feed/home': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The home page: trending and fresh uploads for guests; your subscriptions, trending and videos related to your history when signed in */
    get: {
      parameters: {
        query?: {
          /** @description page size, 1-60 (default 24) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                /**
                 * @description why the video is on your home page
                 * @enum {string}
                 */
                reason: 'subscriptions' | 'trending' | 'related' | 'fresh';
                video: {
                  category: string | null;
                  commentCount: number;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  creator: {
                    avatarUrl: string | null;
                    id: string;
                    username: string;
                  };
                  /**
                   * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                   * @enum {string|null}
                   */
                  customThumbnail: 'shown' | 'held_for_review' | null;
                  description: string;
                  /** @description seconds */
                  duration: number | null;
                  failureReason: string | null;
                  /** @description whether the signed-in caller likes this video (false for guests) */
                  hasLiked: boolean;
                  height: number | null;
                  id: string;
                  /** @description summary, key points and chapters (single-video responses; null until analysed) */
                  insights?: {
                    chapters: {
                      startSeconds: number;
                      title: string;
                    }[];
                    /** @description ISO-8601 timestamp */
                    editedAt: string | null;
                    keyPoints: string[];
                    model: {
                      name: string;
                      /** @enum {string} */
                      provider: 'local' | 'remote';
                      version: string;
                    };
                    summary: string;
                    /** @description ISO-8601 timestamp */
                    updatedAt: string;
                  } | null;
                  likes: number;
                  /** @description ISO-8601 timestamp */
                  processedAt: string | null;
                  /** @description 0-100 while processing */
                  processingProgress: number;
                  renditions: {
                    bandwidth: number;
                    height: number | null;
                    name: string;
                    width: number | null;
                  }[];
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                  storyboard: {
                    imageUrl: string;
                    vttUrl: string;
                  } | null;
                  tags: string[];
                  /** @description the custom thumbnail when there is one and it is shown, else the poster */
                  thumbnailUrl: string | null;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  uploadedAt: string | null;
                  views: number;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                  width: number | null;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/feed/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** New public videos from the channels you follow, newest first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/leaderboards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A leaderboard (all-time, a weekly league, or one course): top learners, your rank and neighbours */
    get: {
      parameters: {
        query?: {
          courseId?: string;
          limit?: number;
          scope?: 'all' | 'week' | 'course';
          /** @description a past week (its Monday); the current week when absent */
          week?: string;
        };
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
            'application/json': {
              data: {
                board: string;
                me: {
                  rank: number;
                  /** Format: uuid */
                  userId: string;
                  username: string;
                  xp: number;
                } | null;
                /** @description the learners just above and below you */
                neighbours: {
                  rank: number;
                  /** Format: uuid */
                  userId: string;
                  username: string;
                  xp: number;
                }[];
                top: {
                  rank: number;
                  /** Format: uuid */
                  userId: string;
                  username: string;
                  xp: number;
                }[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/by-video/{videoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The live stream (or premiere) a video recorded, for chat replay; null for a video no stream recorded */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          videoId: string;
        };
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
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              } | null;
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/channels/{id}/moderators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The channel's chat moderators (its creator or an admin) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                appointedAt: string;
                /** Format: uuid */
                userId: string;
                username: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Appoint a chat moderator of all of the channel's chats, by username */
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
          'application/json': {
            username: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                appointedAt: string;
                /** Format: uuid */
                userId: string;
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/channels/{id}/moderators/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a chat moderator: their next delete, time-out or ban is refused on every instance */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          userId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/live/channels/{id}/streams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's streams and premieres, newest first */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/ingest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where to point an encoder (OBS) and the ingest limits */
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
            'application/json': {
              data: {
                dvrWindowSeconds: number;
                maxDurationSeconds: number;
                reconnectGraceSeconds: number;
                rtmpUrl: string;
                segmentSeconds: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your active stream keys (prefixes only) */
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                prefix: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a stream key (shown once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description The stream key: shown this once, only its hash is stored */
                key: string;
                prefix: string;
                /** @description Server URL for the encoder (OBS: Settings → Stream → Server) */
                rtmpUrl: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a stream key */
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
        /** @description revoked */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/live/keys/{id}/rotate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a stream key and issue its replacement (shown once) */
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
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                /** @description The stream key: shown this once, only its hash is stored */
                key: string;
                prefix: string;
                /** @description Server URL for the encoder (OBS: Settings → Stream → Server) */
                rtmpUrl: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/premieres': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule a premiere: a ready video played as if live at a set time, with chat */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date-time */
            scheduledAt: string;
            title?: string;
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/streams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live now and coming up */
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
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Schedule a live stream (it goes live when your encoder connects) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            description?: string;
            /** Format: date-time */
            scheduledAt?: string;
            title: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/streams/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A live stream or premiere */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/streams/{id}/chat': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Chat settings: slow mode and subscribers-only */
    patch: {
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
          'application/json': {
            slowModeSeconds?: number;
            subscribersOnly?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                channelId: string;
                channelName: string;
                chat: {
                  pinned: {
                    /** Format: uuid */
                    authorId: string;
                    authorName: string;
                    body: string;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    /** @description Ordered message id (a decimal bigint) */
                    id: string;
                    /** @description Milliseconds since the stream started: replay position in the recording */
                    offsetMs: number;
                    /** @enum {string} */
                    status: 'visible' | 'held' | 'deleted';
                    /** Format: uuid */
                    streamId: string;
                  } | null;
                  slowModeSeconds: number;
                  /** @description WebSocket path of the chat room (protocol in docs/LIVE.md) */
                  socketPath: string;
                  subscribersOnly: boolean;
                };
                description: string;
                /** @description ISO-8601 timestamp */
                endedAt: string | null;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'live' | 'premiere';
                /** @description Live HLS master playlist while live (null for premieres: play the video) */
                playbackUrl: string | null;
                /** @description ISO-8601 timestamp */
                scheduledAt: string | null;
                /** @description ISO-8601 timestamp */
                startedAt: string | null;
                /** @enum {string} */
                status: 'scheduled' | 'live' | 'ended' | 'processing' | 'ready' | 'failed';
                title: string;
                /**
                 * Format: uuid
                 * @description The premiere's video, or the recording once the stream ended
                 */
                videoId: string | null;
                viewerCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/live/streams/{id}/chat/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chat messages by stream offset, to replay beside the recording */
    get: {
      parameters: {
        query?: {
          fromMs?: number;
          limit?: number;
          toMs?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** Format: uuid */
                authorId: string;
                authorName: string;
                body: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description Ordered message id (a decimal bigint) */
                id: string;
                /** @description Milliseconds since the stream started: replay position in the recording */
                offsetMs: number;
                /** @enum {string} */
                status: 'visible' | 'held' | 'deleted';
                /** Format: uuid */
                streamId: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/live/streams/{id}/moderators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Appoint a chat moderator for all of the channel's chats */
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
          'application/json': {
            /** Format: uuid */
            userId: string;
          };
        };
      };
      responses: {
        /** @description appointed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
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
  '/api/v1/me/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Videos you watched, most recent first (cursor pagination); deleted and hidden videos are left out */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                completed: boolean;
                /** @description ISO-8601 timestamp */
                lastWatchedAt: string;
                positionSeconds: number;
                video: {
                  category: string | null;
                  commentCount: number;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  creator: {
                    avatarUrl: string | null;
                    id: string;
                    username: string;
                  };
                  /**
                   * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                   * @enum {string|null}
                   */
                  customThumbnail: 'shown' | 'held_for_review' | null;
                  description: string;
                  /** @description seconds */
                  duration: number | null;
                  failureReason: string | null;
                  /** @description whether the signed-in caller likes this video (false for guests) */
                  hasLiked: boolean;
                  height: number | null;
                  id: string;
                  /** @description summary, key points and chapters (single-video responses; null until analysed) */
                  insights?: {
                    chapters: {
                      startSeconds: number;
                      title: string;
                    }[];
                    /** @description ISO-8601 timestamp */
                    editedAt: string | null;
                    keyPoints: string[];
                    model: {
                      name: string;
                      /** @enum {string} */
                      provider: 'local' | 'remote';
                      version: string;
                    };
                    summary: string;
                    /** @description ISO-8601 timestamp */
                    updatedAt: string;
                  } | null;
                  likes: number;
                  /** @description ISO-8601 timestamp */
                  processedAt: string | null;
                  /** @description 0-100 while processing */
                  processingProgress: number;
                  renditions: {
                    bandwidth: number;
                    height: number | null;
                    name: string;
                    width: number | null;
                  }[];
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                  storyboard: {
                    imageUrl: string;
                    vttUrl: string;
                  } | null;
                  tags: string[];
                  /** @description the custom thumbnail when there is one and it is shown, else the poster */
                  thumbnailUrl: string | null;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  uploadedAt: string | null;
                  views: number;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                  width: number | null;
                };
                videoId: string;
                /** @description total seconds watched */
                watchedSeconds: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Clear your whole watch history */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Cleared */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/history/{videoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove one video from your history (and its resume position). Idempotent. */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          videoId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/history/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether your watch history is paused */
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
            'application/json': {
              data: {
                /** @description while paused, nothing new is recorded */
                paused: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Pause or resume your watch history; while paused nothing new is recorded (earlier entries stay) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description while paused, nothing new is recorded */
            paused: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description while paused, nothing new is recorded */
                paused: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/me/learning': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your XP (all-time and this week), streak and all-time rank */
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
            'application/json': {
              data: {
                longestStreakDays: number;
                /** @description all-time rank */
                rank: number | null;
                streakDays: number;
                weekXp: number;
                xp: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/me/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your subscriptions with their notification setting, newest first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                notificationsEnabled: boolean;
                /** @description ISO-8601 timestamp */
                subscribedAt: string;
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/me/videos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your own videos in every status, newest first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/me/watch-later': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your Watch later playlist and a page of its videos */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                /** @description one page of the videos the caller may see, in playlist order */
                items: {
                  /** @description ISO-8601 timestamp */
                  addedAt: string;
                  /** @description 0-based place in the playlist */
                  position: number;
                  video: {
                    category: string | null;
                    commentCount: number;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    creator: {
                      avatarUrl: string | null;
                      id: string;
                      username: string;
                    };
                    /**
                     * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                     * @enum {string|null}
                     */
                    customThumbnail: 'shown' | 'held_for_review' | null;
                    description: string;
                    /** @description seconds */
                    duration: number | null;
                    failureReason: string | null;
                    /** @description whether the signed-in caller likes this video (false for guests) */
                    hasLiked: boolean;
                    height: number | null;
                    id: string;
                    /** @description summary, key points and chapters (single-video responses; null until analysed) */
                    insights?: {
                      chapters: {
                        startSeconds: number;
                        title: string;
                      }[];
                      /** @description ISO-8601 timestamp */
                      editedAt: string | null;
                      keyPoints: string[];
                      model: {
                        name: string;
                        /** @enum {string} */
                        provider: 'local' | 'remote';
                        version: string;
                      };
                      summary: string;
                      /** @description ISO-8601 timestamp */
                      updatedAt: string;
                    } | null;
                    likes: number;
                    /** @description ISO-8601 timestamp */
                    processedAt: string | null;
                    /** @description 0-100 while processing */
                    processingProgress: number;
                    renditions: {
                      bandwidth: number;
                      height: number | null;
                      name: string;
                      width: number | null;
                    }[];
                    /** @enum {string} */
                    status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                    storyboard: {
                      imageUrl: string;
                      vttUrl: string;
                    } | null;
                    tags: string[];
                    /** @description the custom thumbnail when there is one and it is shown, else the poster */
                    thumbnailUrl: string | null;
                    title: string;
                    /** @description ISO-8601 timestamp */
                    uploadedAt: string | null;
                    views: number;
                    /** @enum {string} */
                    visibility: 'public' | 'unlisted' | 'private';
                    width: number | null;
                  };
                }[];
                playlist: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  description: string;
                  id: string;
                  /** @description entries, including any the caller cannot see */
                  itemCount: number;
                  /** @enum {string} */
                  kind: 'regular' | 'watch_later';
                  ownerId: string;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * Add a video to the end of Watch later
     * @description 409 ALREADY_IN_PLAYLIST when it is there already.
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
          'application/json': {
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                playlist: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  description: string;
                  id: string;
                  /** @description entries, including any the caller cannot see */
                  itemCount: number;
                  /** @enum {string} */
                  kind: 'regular' | 'watch_later';
                  ownerId: string;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
                position: number;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/me/watch-later/{videoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a video from Watch later */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          videoId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video's or lesson's notes the caller can open (team notes, own notes, shared with them) */
    get: {
      parameters: {
        query: {
          subjectId: string;
          subjectKind: 'video' | 'lesson';
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description the name to open over the notes socket (/api/v1/notes/socket) */
                documentName: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'team' | 'personal';
                /** Format: uuid */
                ownerId: string;
                /**
                 * @description the caller's rights on the note
                 * @enum {string}
                 */
                role: 'edit' | 'view';
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                subjectKind: 'video' | 'lesson';
                title: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Open (creating on first use) the caller's own notes, or the team notes, on a video or lesson */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default personal
             * @enum {string}
             */
            kind?: 'team' | 'personal';
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectKind: 'video' | 'lesson';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description the name to open over the notes socket (/api/v1/notes/socket) */
                documentName: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'team' | 'personal';
                /** Format: uuid */
                ownerId: string;
                /**
                 * @description the caller's rights on the note
                 * @enum {string}
                 */
                role: 'edit' | 'view';
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                subjectKind: 'video' | 'lesson';
                title: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notes/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A note and the caller’s role */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description the name to open over the notes socket (/api/v1/notes/socket) */
                documentName: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'team' | 'personal';
                /** Format: uuid */
                ownerId: string;
                /**
                 * @description the caller's rights on the note
                 * @enum {string}
                 */
                role: 'edit' | 'view';
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                subjectKind: 'video' | 'lesson';
                title: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notes/{id}/export.md': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The note as Markdown */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
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
  '/api/v1/notes/{id}/export.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The note as PDF (pdfkit) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
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
  '/api/v1/notes/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Named versions, newest first */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                bytes: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                createdBy: string | null;
                /** Format: uuid */
                id: string;
                name: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Save the current content as a named version */
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
          'application/json': {
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                name: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notes/{id}/revisions/{revisionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A past version, as Markdown */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          revisionId: string;
        };
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
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                markdown: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notes/{id}/revisions/{revisionId}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore a past version (as an edit every connected editor sees) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          revisionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notes/{id}/shares': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A note's study-group links */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                members: number;
                /** @description ISO-8601 timestamp */
                revokedAt: string | null;
                /** @enum {string} */
                role: 'view' | 'edit';
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Create a study-group link (view or edit) for a personal note */
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
          'application/json': {
            /** @enum {string} */
            role: 'view' | 'edit';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                role: 'view' | 'edit';
                /** @description shown once: put it in the invitation link (/notes/join/<token>) */
                token: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notes/{id}/shares/{shareId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a link: everyone who joined with it loses access */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          shareId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
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
  '/api/v1/notes/join': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Join a study group through its link */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            token: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description the name to open over the notes socket (/api/v1/notes/socket) */
                documentName: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: 'team' | 'personal';
                /** Format: uuid */
                ownerId: string;
                /** @description the page the notes are on */
                path: string;
                /**
                 * @description the caller's rights on the note
                 * @enum {string}
                 */
                role: 'edit' | 'view';
                /** Format: uuid */
                subjectId: string;
                /** @enum {string} */
                subjectKind: 'video' | 'lesson';
                title: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your notifications, newest first (cursor pagination); meta.unreadCount is the badge */
    get: {
      parameters: {
        query?: {
          cursor?: string;
          limit?: number;
          unread?: 'true' | 'false';
        };
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
            'application/json': {
              data: {
                actor: {
                  id: string;
                  username: string;
                } | null;
                /** @description events collapsed into this notification */
                count: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** Format: uuid */
                id: string;
                kind: string;
                /** @description app path of the thing: the video (at a second), the comment thread, the studio row */
                link: string;
                read: boolean;
                /** @description the sentence to show, e.g. "3 new videos from ada" */
                text: string;
                thumbnailUrl: string | null;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one of your notifications */
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
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one notification read (or unread with {"read": false}); idempotent */
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
          'application/json': {
            /** @default true */
            read?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                unreadCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How each kind of notification reaches you (defaults included) */
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
            'application/json': {
              data: {
                /** @enum {string} */
                defaultDelivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
                /** @enum {string} */
                delivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
                description: string;
                kind: string;
                label: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /**
     * Set the delivery of some kinds: in_app, mail_immediate, mail_digest or off
     * @description Per channel, switch a subscription's notifications with PUT /users/{id}/subscription.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            preferences: {
              /** @enum {string} */
              delivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
              kind: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @enum {string} */
                defaultDelivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
                /** @enum {string} */
                delivery: 'in_app' | 'mail_immediate' | 'mail_digest' | 'off';
                description: string;
                kind: string;
                label: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all your notifications read */
    post: {
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
            'application/json': {
              data: {
                marked: number;
                unreadCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live unread count as Server-Sent Events
     * @description Event `unread` {unreadCount} at once and whenever your notifications change; `: heartbeat` comments keep it open. Authenticate with the Authorization header or `?access_token=`.
     */
    get: {
      parameters: {
        query?: {
          access_token?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/event-stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
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
  '/api/v1/notifications/unread-count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many of your notifications are unread */
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
            'application/json': {
              data: {
                unreadCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/notifications/unsubscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check a signed unsubscribe link (no sign-in); changes nothing */
    get: {
      parameters: {
        query: {
          kind: string;
          sig: string;
          user: string;
        };
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
            'application/json': {
              data: {
                kind: string;
                label: string;
                unsubscribed: string[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /**
     * One-click unsubscribe from a kind's mail (or `all`) with a signed link; no sign-in (RFC 8058)
     * @description The kinds stay in the app; only their mail stops. Idempotent.
     */
    post: {
      parameters: {
        query: {
          kind: string;
          sig: string;
          user: string;
        };
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
            'application/json': {
              data: {
                kind: string;
                label: string;
                unsubscribed: string[];
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/playlists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a playlist
     * @description Send an Idempotency-Key header to make retries safe: the same key returns the same playlist.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default  */
            description?: string;
            title: string;
            /**
             * @default public
             * @enum {string}
             */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                description: string;
                id: string;
                /** @description entries, including any the caller cannot see */
                itemCount: number;
                /** @enum {string} */
                kind: 'regular' | 'watch_later';
                ownerId: string;
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/playlists/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A playlist and a page of its videos (private ones: owner and admins only)
     * @description Videos the caller may not watch (deleted, private, unfinished) are left out; their positions are skipped.
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description one page of the videos the caller may see, in playlist order */
                items: {
                  /** @description ISO-8601 timestamp */
                  addedAt: string;
                  /** @description 0-based place in the playlist */
                  position: number;
                  video: {
                    category: string | null;
                    commentCount: number;
                    /** @description ISO-8601 timestamp */
                    createdAt: string;
                    creator: {
                      avatarUrl: string | null;
                      id: string;
                      username: string;
                    };
                    /**
                     * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                     * @enum {string|null}
                     */
                    customThumbnail: 'shown' | 'held_for_review' | null;
                    description: string;
                    /** @description seconds */
                    duration: number | null;
                    failureReason: string | null;
                    /** @description whether the signed-in caller likes this video (false for guests) */
                    hasLiked: boolean;
                    height: number | null;
                    id: string;
                    /** @description summary, key points and chapters (single-video responses; null until analysed) */
                    insights?: {
                      chapters: {
                        startSeconds: number;
                        title: string;
                      }[];
                      /** @description ISO-8601 timestamp */
                      editedAt: string | null;
                      keyPoints: string[];
                      model: {
                        name: string;
                        /** @enum {string} */
                        provider: 'local' | 'remote';
                        version: string;
                      };
                      summary: string;
                      /** @description ISO-8601 timestamp */
                      updatedAt: string;
                    } | null;
                    likes: number;
                    /** @description ISO-8601 timestamp */
                    processedAt: string | null;
                    /** @description 0-100 while processing */
                    processingProgress: number;
                    renditions: {
                      bandwidth: number;
                      height: number | null;
                      name: string;
                      width: number | null;
                    }[];
                    /** @enum {string} */
                    status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                    storyboard: {
                      imageUrl: string;
                      vttUrl: string;
                    } | null;
                    tags: string[];
                    /** @description the custom thumbnail when there is one and it is shown, else the poster */
                    thumbnailUrl: string | null;
                    title: string;
                    /** @description ISO-8601 timestamp */
                    uploadedAt: string | null;
                    views: number;
                    /** @enum {string} */
                    visibility: 'public' | 'unlisted' | 'private';
                    width: number | null;
                  };
                }[];
                playlist: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  description: string;
                  id: string;
                  /** @description entries, including any the caller cannot see */
                  itemCount: number;
                  /** @enum {string} */
                  kind: 'regular' | 'watch_later';
                  ownerId: string;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Rename, describe or change the visibility of a playlist (owner or admin; not Watch later) */
    put: {
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
          'application/json': {
            description?: string;
            title?: string;
            /** @enum {string} */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                description: string;
                id: string;
                /** @description entries, including any the caller cannot see */
                itemCount: number;
                /** @enum {string} */
                kind: 'regular' | 'watch_later';
                ownerId: string;
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a playlist (owner or admin; not Watch later) */
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
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/playlists/{id}/order': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the whole order at once
     * @description videoIds must list every video of the playlist exactly once, else 409 ORDER_MISMATCH naming the differences.
     */
    put: {
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
          'application/json': {
            /** @description every video of the playlist, in the new order */
            videoIds: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                description: string;
                id: string;
                /** @description entries, including any the caller cannot see */
                itemCount: number;
                /** @enum {string} */
                kind: 'regular' | 'watch_later';
                ownerId: string;
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/playlists/{id}/videos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a video at a position (default: last)
     * @description 409 ALREADY_IN_PLAYLIST for a duplicate, 409 PLAYLIST_FULL at the size limit, 404 for a video you may not watch.
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
          'application/json': {
            /** @description 0-based; past the end means last */
            position?: number;
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                playlist: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  description: string;
                  id: string;
                  /** @description entries, including any the caller cannot see */
                  itemCount: number;
                  /** @enum {string} */
                  kind: 'regular' | 'watch_later';
                  ownerId: string;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
                position: number;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/playlists/{id}/videos/{videoId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a video; the ones after it move up */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          videoId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/playlists/{id}/videos/{videoId}/position': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Move a video to another position; the ones between shift by one */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          videoId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description 0-based; past the end means last */
            position: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                playlist: {
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  description: string;
                  id: string;
                  /** @description entries, including any the caller cannot see */
                  itemCount: number;
                  /** @enum {string} */
                  kind: 'regular' | 'watch_later';
                  ownerId: string;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                };
                position: number;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/recommendations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * "For you": recommended videos with a reason each (cursor pagination)
     * @description Signed in: co-watch, similar meaning to your recent watches and likes, your subscriptions and trending, mixed with diversity (no channel more than twice in any 10) and freshness, without what you watched or hid; cached for an hour, refreshed when you watch or like something. Guests: trending and fresh uploads.
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-50 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                /** @description why it is recommended, for the viewer ("Because you watched …", "Popular in Science") */
                reason: string;
                /**
                 * @description what proposed it: co-watch, similar meaning, subscriptions, trending, fresh uploads, or the model re-rank
                 * @enum {string}
                 */
                source: 'cowatch' | 'similar' | 'subscriptions' | 'trending' | 'fresh' | 'model';
                video: {
                  category: string | null;
                  commentCount: number;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  creator: {
                    avatarUrl: string | null;
                    id: string;
                    username: string;
                  };
                  /**
                   * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                   * @enum {string|null}
                   */
                  customThumbnail: 'shown' | 'held_for_review' | null;
                  description: string;
                  /** @description seconds */
                  duration: number | null;
                  failureReason: string | null;
                  /** @description whether the signed-in caller likes this video (false for guests) */
                  hasLiked: boolean;
                  height: number | null;
                  id: string;
                  /** @description summary, key points and chapters (single-video responses; null until analysed) */
                  insights?: {
                    chapters: {
                      startSeconds: number;
                      title: string;
                    }[];
                    /** @description ISO-8601 timestamp */
                    editedAt: string | null;
                    keyPoints: string[];
                    model: {
                      name: string;
                      /** @enum {string} */
                      provider: 'local' | 'remote';
                      version: string;
                    };
                    summary: string;
                    /** @description ISO-8601 timestamp */
                    updatedAt: string;
                  } | null;
                  likes: number;
                  /** @description ISO-8601 timestamp */
                  processedAt: string | null;
                  /** @description 0-100 while processing */
                  processingProgress: number;
                  renditions: {
                    bandwidth: number;
                    height: number | null;
                    name: string;
                    width: number | null;
                  }[];
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                  storyboard: {
                    imageUrl: string;
                    vttUrl: string;
                  } | null;
                  tags: string[];
                  /** @description the custom thumbnail when there is one and it is shown, else the poster */
                  thumbnailUrl: string | null;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  uploadedAt: string | null;
                  views: number;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                  width: number | null;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Full-text search over public ready videos with filters, sorts, typo tolerance and highlights (page-based) */
    get: {
      parameters: {
        query?: {
          category?:
            | 'education'
            | 'music'
            | 'gaming'
            | 'science'
            | 'technology'
            | 'sports'
            | 'news'
            | 'entertainment'
            | 'travel'
            | 'howto'
            | 'film'
            | 'comedy'
            | 'people'
            | 'other';
          /** @description short < 4 min, medium 4–20 min, long > 20 min */
          duration?: 'short' | 'medium' | 'long';
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description keyword: full-text; semantic: embeddings of videos and transcripts; hybrid: both, fused by reciprocal rank (sorted by relevance) */
          mode?: 'keyword' | 'semantic' | 'hybrid';
          page?: number;
          /** @description Words (AND), "quoted phrases", -excluded words; the last word also matches as a prefix */
          q?: string;
          sort?: 'relevance' | '-views' | '-uploaded_at';
          /** @description comma-separated; every tag must be on the video */
          tags?: string;
          /** @description uploaded within the last … */
          uploaded?: 'hour' | 'day' | 'week' | 'month' | 'year';
        };
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
            'application/json': {
              data: {
                category: string | null;
                creator: {
                  /** Format: uuid */
                  id: string;
                  username: string;
                };
                /** @description plain text: the start of the description, at most 200 characters */
                description: string;
                /** @description seconds */
                duration: number | null;
                highlights: {
                  /** @description HTML: up to two escaped fragments of the description around matches, with <mark> */
                  description: string;
                  /** @description HTML: the title escaped, matched words wrapped in <mark>…</mark> */
                  title: string;
                };
                /** Format: uuid */
                id: string;
                likes: number;
                tags: string[];
                thumbnailUrl: string | null;
                /** @description plain text */
                title: string;
                /** @description the transcript line that matched best (its words in every mode, then its meaning in semantic and hybrid modes); null when the video matched on its metadata only */
                transcriptMatch?: {
                  /** @description where the line is spoken: open /watch/<id>?t=<startSeconds> */
                  startSeconds: number;
                  /** @description plain text of the transcript line */
                  text: string;
                } | null;
                /** @description ISO-8601 timestamp */
                uploadedAt: string;
                views: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/search/autocomplete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Up to 10 completions mixing video titles, tags and channel names that start with (or resemble) q */
    get: {
      parameters: {
        query: {
          q: string;
        };
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
            'application/json': {
              data: {
                /**
                 * Format: uuid
                 * @description the video id or the channel (user) id; null for tags
                 */
                id: string | null;
                text: string;
                /** @enum {string} */
                type: 'video' | 'tag' | 'channel';
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/search/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Popular queries of the last 7 days that found something, most searched first */
    get: {
      parameters: {
        query?: {
          /** @description page size, 1-50 (default 10) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                query: string;
                searches: number;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/uploads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a tus upload for a video (Upload-Length, Upload-Metadata: videoId)
     * @description tus 1.0 resumable upload (creation, creation-with-upload, termination, expiration). Not JSON: see docs/API.md, "Uploads".
     */
    post: {
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
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/uploads/{uploadId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Cancel a tus upload and remove its bytes
     * @description tus 1.0 resumable upload (creation, creation-with-upload, termination, expiration). Not JSON: see docs/API.md, "Uploads".
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uploadId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Append bytes to a tus upload at Upload-Offset
     * @description tus 1.0 resumable upload (creation, creation-with-upload, termination, expiration). Not JSON: see docs/API.md, "Uploads".
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          uploadId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    trace?: never;
  };
  '/api/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public profile of a user */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                avatarUrl: string | null;
                bio: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                id: string;
                /** @enum {string} */
                role: 'viewer' | 'creator' | 'admin';
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Edit a profile (your own, or anyone's as admin) */
    put: {
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
          'application/json': {
            /** Format: uri */
            avatarUrl?: string | null;
            bio?: string;
            /** @enum {string} */
            role?: 'viewer' | 'creator' | 'admin';
            username?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                avatarUrl: string | null;
                bio: string;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                email: string;
                id: string;
                /** @enum {string} */
                role: 'viewer' | 'creator' | 'admin';
                username: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/channel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's page header: profile, subscriber and video counts, total views, and your subscription */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description whether the caller subscribes; false without a token */
                isSubscribed: boolean;
                /** @description the caller's notification setting; null when not subscribed */
                notificationsEnabled: boolean | null;
                subscriberCount: number;
                /** @description channels this user subscribes to */
                subscriptionCount: number;
                /** @description views of the ready public videos */
                totalViews: number;
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
                /** @description ready public videos */
                videoCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/followers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Subscribers of a channel, newest first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                subscribedAt: string;
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/following': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Channels a user subscribes to, newest first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                subscribedAt: string;
                user: {
                  avatarUrl: string | null;
                  bio: string;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  id: string;
                  /** @enum {string} */
                  role: 'viewer' | 'creator' | 'admin';
                  username: string;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/playlists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's playlists, newest first: public ones, or all of them for the owner (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                description: string;
                id: string;
                /** @description entries, including any the caller cannot see */
                itemCount: number;
                /** @enum {string} */
                kind: 'regular' | 'watch_later';
                ownerId: string;
                title: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/subscribe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Subscribe to a channel (idempotent)
     * @description Subscribing again is a no-op that answers the existing subscription. Your own channel is refused with 400 SELF_SUBSCRIPTION; unknown or banned channels are 404.
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
          'application/json': {
            /**
             * Format: uuid
             * @description the video whose page the button is on, if any: the channel's analytics credit that video
             */
            fromVideoId?: string;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                channelId: string;
                notificationsEnabled: boolean;
                /** @enum {boolean} */
                subscribed: true;
                /** @description ISO-8601 timestamp */
                subscribedAt: string;
                /** @description the channel's subscribers after this change */
                subscriberCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Unsubscribe from a channel (idempotent) */
    delete: {
      parameters: {
        query?: {
          /** @description the video whose page the button is on, if any: the channel's analytics credit that video */
          fromVideoId?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Not subscribed (any more) */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/users/{id}/subscription': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Turn notifications for a channel you subscribe to on or off
     * @description 404 NOT_SUBSCRIBED when you do not subscribe to the channel.
     */
    put: {
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
          'application/json': {
            /** @description whether new uploads of this channel notify you */
            notificationsEnabled: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                channelId: string;
                notificationsEnabled: boolean;
                /** @enum {boolean} */
                subscribed: true;
                /** @description ISO-8601 timestamp */
                subscribedAt: string;
                /** @description the channel's subscribers after this change */
                subscriberCount: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/users/{id}/videos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A channel's ready public videos, newest or most viewed first (cursor pagination) */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description newest: upload time; popular: views */
          sort?: 'newest' | 'popular';
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create a video (metadata first); the answer says where to upload its file
     * @description Creators and admins only. Send an Idempotency-Key header to make retries safe: the same key returns the same video.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default other
             * @enum {string}
             */
            category?:
              | 'education'
              | 'music'
              | 'gaming'
              | 'science'
              | 'technology'
              | 'sports'
              | 'news'
              | 'entertainment'
              | 'travel'
              | 'howto'
              | 'film'
              | 'comedy'
              | 'people'
              | 'other';
            /** @default  */
            description?: string;
            tags?: string[];
            title: string;
            /**
             * @default public
             * @enum {string}
             */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                upload: {
                  /** @description tus creation endpoint */
                  endpoint: string;
                  maxSizeBytes: number;
                  /** @description send as tus Upload-Metadata (values base64), plus filename if you like */
                  metadata: {
                    videoId: string;
                  };
                  /** @enum {string} */
                  protocol: 'tus';
                };
                video: {
                  category: string | null;
                  commentCount: number;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  creator: {
                    avatarUrl: string | null;
                    id: string;
                    username: string;
                  };
                  /**
                   * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                   * @enum {string|null}
                   */
                  customThumbnail: 'shown' | 'held_for_review' | null;
                  description: string;
                  /** @description seconds */
                  duration: number | null;
                  failureReason: string | null;
                  /** @description whether the signed-in caller likes this video (false for guests) */
                  hasLiked: boolean;
                  height: number | null;
                  id: string;
                  /** @description summary, key points and chapters (single-video responses; null until analysed) */
                  insights?: {
                    chapters: {
                      startSeconds: number;
                      title: string;
                    }[];
                    /** @description ISO-8601 timestamp */
                    editedAt: string | null;
                    keyPoints: string[];
                    model: {
                      name: string;
                      /** @enum {string} */
                      provider: 'local' | 'remote';
                      version: string;
                    };
                    summary: string;
                    /** @description ISO-8601 timestamp */
                    updatedAt: string;
                  } | null;
                  likes: number;
                  /** @description ISO-8601 timestamp */
                  processedAt: string | null;
                  /** @description 0-100 while processing */
                  processingProgress: number;
                  renditions: {
                    bandwidth: number;
                    height: number | null;
                    name: string;
                    width: number | null;
                  }[];
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                  storyboard: {
                    imageUrl: string;
                    vttUrl: string;
                  } | null;
                  tags: string[];
                  /** @description the custom thumbnail when there is one and it is shown, else the poster */
                  thumbnailUrl: string | null;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  uploadedAt: string | null;
                  views: number;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                  width: number | null;
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A video: anyone for ready public/unlisted ones, the owner or an admin otherwise */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Edit a video's metadata and visibility (owner or admin) */
    put: {
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
          'application/json': {
            /** @enum {string} */
            category?:
              | 'education'
              | 'music'
              | 'gaming'
              | 'science'
              | 'technology'
              | 'sports'
              | 'news'
              | 'entertainment'
              | 'travel'
              | 'howto'
              | 'film'
              | 'comedy'
              | 'people'
              | 'other';
            description?: string;
            tags?: string[];
            title?: string;
            /** @enum {string} */
            visibility?: 'public' | 'unlisted' | 'private';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Delete a video (owner or admin); its files are removed in the background. Idempotent. */
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
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/videos/{id}/analysis': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the video's AI analysis stands: transcribing, analysing, done or failed with the reason (creator or admin) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description why the last run failed (state failed) */
                failureReason: string | null;
                insights: {
                  chapters: number;
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                } | null;
                /** @description what voice activity detection found before recognition; null until it ran */
                speech: {
                  audioSeconds: number;
                  /** @description false: no speech detected (music, silence or no sound), so no transcript */
                  detected: boolean;
                  /** @description the voice activity model, or no-audio-track */
                  model: string;
                  speechSeconds: number;
                } | null;
                /**
                 * @description waiting: not analysed yet; queued; transcribing; analysing (captions, summary, chapters, embeddings); done; failed
                 * @enum {string}
                 */
                state: 'waiting' | 'queued' | 'transcribing' | 'analysing' | 'done' | 'failed';
                transcript: {
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  segments: number;
                } | null;
                /** @description ISO-8601 timestamp */
                updatedAt: string | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    put?: never;
    /** Re-run the analysis (transcript, captions, summary, chapters, embeddings); the creator's edits are kept (creator or admin) */
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
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description why the last run failed (state failed) */
                failureReason: string | null;
                insights: {
                  chapters: number;
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                } | null;
                /** @description what voice activity detection found before recognition; null until it ran */
                speech: {
                  audioSeconds: number;
                  /** @description false: no speech detected (music, silence or no sound), so no transcript */
                  detected: boolean;
                  /** @description the voice activity model, or no-audio-track */
                  model: string;
                  speechSeconds: number;
                } | null;
                /**
                 * @description waiting: not analysed yet; queued; transcribing; analysing (captions, summary, chapters, embeddings); done; failed
                 * @enum {string}
                 */
                state: 'waiting' | 'queued' | 'transcribing' | 'analysing' | 'done' | 'failed';
                transcript: {
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  segments: number;
                } | null;
                /** @description ISO-8601 timestamp */
                updatedAt: string | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/appeal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Appeal the automatic moderation of your video
     * @description Once per comment or video, while it is held for review or after a rejection: the case goes back to the admin queue with the message. A second appeal is 409 ALREADY_APPEALED; a subject that was not flagged (or was approved) is 409 NOTHING_TO_APPEAL.
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
          'application/json': {
            /** @description why the decision should be reconsidered */
            message: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/ask': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask a question about a video: time-stamped transcript passages and, with a generator configured, an answer citing them */
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
          'application/json': {
            question: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                answer: string;
                /**
                 * @description generated: written by the configured text generator from the passages; extractive: the best passage itself
                 * @enum {string}
                 */
                mode: 'generated' | 'extractive';
                /** @description the generator that wrote the answer (null when extractive) */
                model: string | null;
                /** @description why the answer is extractive, when it is */
                notice: string | null;
                passages: {
                  endSeconds: number;
                  /** @description watch page seeking to the passage (?t=seconds) */
                  link: string;
                  number: number;
                  startSeconds: number;
                  text: string;
                }[];
                question: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/ask/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The same answer as Server-Sent Events: `passages`, then `token`s as the answer is written, then `done` (the whole answer) or `error` */
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
          'application/json': {
            question: string;
          };
        };
      };
      responses: {
        /** @description text/event-stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
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
  '/api/v1/videos/{id}/comment-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Turn comments on or off for a video (owner or admin) */
    put: {
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
          'application/json': {
            commentsEnabled: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                commentsEnabled: boolean;
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A video's top-level comments, most liked or newest first (cursor pagination)
     * @description meta.nextCursor continues the list (null on the last page); meta.commentsEnabled says whether new comments are accepted. Hidden comments are left out except for their author, the video owner and admins.
     */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          /** @description top: most liked first; newest: most recent first */
          sort?: 'top' | 'newest';
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description null once deleted */
                author: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description whether the caller likes it (false when anonymous) */
                hasLiked: boolean;
                id: string;
                isDeleted: boolean;
                isEdited: boolean;
                /** @description hidden by the video owner or an admin; only they and the author still see it */
                isHidden: boolean;
                likeCount: number;
                /** @description the thread's top-level comment; null for a top-level comment */
                parentId: string | null;
                /** @description replies that are neither deleted nor hidden */
                replyCount: number;
                /** @description whose reply this answers, when it replies to a reply */
                replyToUser: {
                  id: string;
                  username: string;
                } | null;
                /** @description plain text exactly as written (escape it when rendering); "[deleted]" once deleted */
                text: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
                videoId: string;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/insights': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace the summary, key points and chapters (creator or admin); re-analysis keeps the edit */
    put: {
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
          'application/json': {
            chapters: {
              startSeconds: number;
              title: string;
            }[];
            keyPoints: string[];
            summary: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                chapters: {
                  startSeconds: number;
                  title: string;
                }[];
                /** @description ISO-8601 timestamp */
                editedAt: string | null;
                keyPoints: string[];
                model: {
                  name: string;
                  /** @enum {string} */
                  provider: 'local' | 'remote';
                  version: string;
                };
                summary: string;
                /** @description ISO-8601 timestamp */
                updatedAt: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/like': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Like a ready video you can see; liking again changes nothing */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                liked: boolean;
                /** @description stored count plus likes not yet flushed */
                likes: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Take back your like; answers the same when there was none */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                liked: boolean;
                /** @description stored count plus likes not yet flushed */
                likes: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/moderation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automatic moderation of your video: scores, reasons, status (owner or admin) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                appeal: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  message: string;
                } | null;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                /** @description comment: hidden from others; video: kept out of public lists */
                held: boolean;
                id: string;
                model: {
                  name: string;
                  version: string;
                };
                /** @description ISO-8601 timestamp */
                queuedAt: string | null;
                /** @description the evidence the model found */
                reasons: string[];
                review: {
                  /** @description ISO-8601 timestamp */
                  at: string;
                  by: string | null;
                  note: string | null;
                } | null;
                /** @description 0..1 per category (text: toxicity, spam, profanity; pictures: porn, hentai, sexy, drawing, neutral, unsafe) */
                scores: {
                  [key: string]: number;
                };
                /** @enum {string} */
                status: 'clear' | 'pending' | 'approved' | 'rejected';
                subjectId: string;
                /**
                 * @description video: its title and description; video_image: its poster, custom thumbnail and sampled frames
                 * @enum {string}
                 */
                subjectType: 'comment' | 'video' | 'video_image';
                topCategory: string;
                topScore: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/not-interested': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * "Not interested": hide this video from your recommendations and lower its channel (idempotent)
     * @description Unknown or invisible videos are 404; your own video is 422.
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
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description whether the video is now hidden from your recommendations */
                hidden: boolean;
                /** Format: uuid */
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Undo "Not interested" (idempotent) */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description whether the video is now hidden from your recommendations */
                hidden: boolean;
                /** Format: uuid */
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/processing/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Processing progress as Server-Sent Events (owner or admin)
     * @description Events: `progress` {status, percent}, then `ready` or `failed` {reason}, after which the stream ends. Comments (`: heartbeat`) keep the connection alive. Authenticate with the Authorization header or `?access_token=`.
     */
    get: {
      parameters: {
        query?: {
          access_token?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description text/event-stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': string;
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
  '/api/v1/videos/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where you left off in a video; null when you have not watched it */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                completed: boolean;
                /** @description ISO-8601 timestamp */
                lastWatchedAt: string;
                positionSeconds: number;
                videoId: string;
                /** @description total seconds watched */
                watchedSeconds: number;
              } | null;
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /**
     * Report watch progress: position for resuming, seconds watched since the last report
     * @description Not stored when your watch history is paused (`recorded: false`).
     */
    put: {
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
          'application/json': {
            /** @description set when the viewer reached the end; omitted keeps the stored value */
            completed?: boolean;
            /** @description where playback is now, for resuming */
            positionSeconds: number;
            /** @description seconds played since your previous report for this video; added to the total */
            watchedSeconds: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description what is stored now (the earlier position when paused) */
                progress: {
                  completed: boolean;
                  /** @description ISO-8601 timestamp */
                  lastWatchedAt: string;
                  positionSeconds: number;
                  videoId: string;
                  /** @description total seconds watched */
                  watchedSeconds: number;
                } | null;
                /** @description false when your watch history is paused: nothing was stored */
                recorded: boolean;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/report': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Report a video to the moderators (not your own)
     * @description One open report per user and video: reporting again answers 200 with the open report instead of 201. A video you cannot see is a 404; your own a 403; a suspended account a 403 ACCOUNT_SUSPENDED.
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
          'application/json': {
            /** @description what the moderators should know, e.g. where in the video */
            details?: string;
            /** @enum {string} */
            reason:
              | 'sexual'
              | 'violent'
              | 'hateful'
              | 'harassment'
              | 'harmful'
              | 'child_safety'
              | 'spam'
              | 'misleading'
              | 'other';
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason:
                  | 'sexual'
                  | 'violent'
                  | 'hateful'
                  | 'harassment'
                  | 'harmful'
                  | 'child_safety'
                  | 'spam'
                  | 'misleading'
                  | 'other';
                /** @enum {string|null} */
                resolution: 'dismiss' | 'remove_video' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                createdAt: string;
                details: string | null;
                id: string;
                /** @enum {string} */
                reason:
                  | 'sexual'
                  | 'violent'
                  | 'hateful'
                  | 'harassment'
                  | 'harmful'
                  | 'child_safety'
                  | 'spam'
                  | 'misleading'
                  | 'other';
                /** @enum {string|null} */
                resolution: 'dismiss' | 'remove_video' | null;
                resolutionNote: string | null;
                /** @description ISO-8601 timestamp */
                resolvedAt: string | null;
                resolvedBy: string | null;
                /** @enum {string} */
                status: 'open' | 'resolved';
                videoId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/similar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Similar videos by meaning (title, description, tags and summary embeddings), most similar first; empty until analysed */
    get: {
      parameters: {
        query?: {
          /** @description page size, 1-50 (default 10) */
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @description cosine similarity, -1..1 */
                similarity: number;
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/stream-url': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** URL of the HLS master playlist; signed and expiring for private videos */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description present when the URL is signed */
                expiresAt?: string;
                /** @description master playlist (HLS) */
                url: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/thumbnail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload a custom thumbnail (owner or admin); the body is the picture
     * @description Content-Type image/jpeg, image/png or image/webp, matching the file's bytes (else 415); at most THUMBNAIL_MAX_BYTES (default 2 MiB, else 413); at least 640×360 and at most 7680 px a side, decodable (else 422). It is re-encoded as a 1280×720 JPEG (letterboxed) under a new URL, and scored by image moderation.
     */
    put: {
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    post?: never;
    /** Remove the custom thumbnail (owner or admin): the generated poster is shown again */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/transcript': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The time-stamped transcript of a video, with the model that made it and its captions URL */
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
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description WebVTT captions (also listed in the HLS master playlist) */
                captionsUrl: string | null;
                /** @description set once the creator edited it; model re-runs then leave it alone */
                editedAt: string | null;
                language: string;
                /** @description the model that made it (kept after a creator edit: what the edit started from) */
                model: {
                  name: string;
                  /** @enum {string} */
                  provider: 'local' | 'remote';
                  version: string;
                };
                segments: {
                  endSeconds: number;
                  position: number;
                  startSeconds: number;
                  text: string;
                }[];
                /** @description ISO-8601 timestamp */
                updatedAt: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
            };
          };
        };
      };
    };
    /** Replace the transcript (creator or admin): captions, chapters and search follow; re-analysis keeps the edit */
    put: {
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
          'application/json': {
            /** @default en */
            language?: string;
            segments: {
              endSeconds: number;
              startSeconds: number;
              text: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description WebVTT captions (also listed in the HLS master playlist) */
                captionsUrl: string | null;
                /** @description set once the creator edited it; model re-runs then leave it alone */
                editedAt: string | null;
                language: string;
                /** @description the model that made it (kept after a creator edit: what the edit started from) */
                model: {
                  name: string;
                  /** @enum {string} */
                  provider: 'local' | 'remote';
                  version: string;
                };
                segments: {
                  endSeconds: number;
                  position: number;
                  startSeconds: number;
                  text: string;
                }[];
                /** @description ISO-8601 timestamp */
                updatedAt: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Cancel the video's upload in progress (direct or tus) and delete its bytes */
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
        /** @description Cancelled */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/videos/{id}/upload-complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S3 mode: assemble the uploaded parts, check the file is media and start processing
     * @description Idempotent: repeating it returns the same result. While another call is finalising the same upload: 409 FINALIZE_IN_PROGRESS. A file that is not audio or video: 422 NOT_MEDIA, and its bytes are deleted.
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
          'application/json': {
            parts: {
              etag: string;
              partNumber: number;
            }[];
            /** Format: uuid */
            uploadId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                uploadId: string;
                video: {
                  id: string;
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                };
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/{id}/view': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Count a view of a ready video (anonymous allowed)
     * @description The same viewer (account, else X-Session-Id header or streamhub_sid cookie, else IP and user agent) counts once per 30 minutes. Views are buffered and written to the database in batches.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description An anonymous player session; the same session counts one view per window */
          'x-session-id'?: string;
        };
        path: {
          id: string;
        };
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
            'application/json': {
              data: {
                /** @description false when this viewer already counted within the de-duplication window */
                counted: boolean;
                /** @description stored count plus views not yet flushed */
                views: number;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/liked': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Videos you liked, most recent like first (cursor pagination); deleted and hidden videos are left out */
    get: {
      parameters: {
        query?: {
          /** @description meta.nextCursor of the previous page */
          cursor?: string;
          /** @description page size, 1-100 (default 20) */
          limit?: number;
        };
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
            'application/json': {
              data: {
                /** @description ISO-8601 timestamp */
                likedAt: string;
                video: {
                  category: string | null;
                  commentCount: number;
                  /** @description ISO-8601 timestamp */
                  createdAt: string;
                  creator: {
                    avatarUrl: string | null;
                    id: string;
                    username: string;
                  };
                  /**
                   * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                   * @enum {string|null}
                   */
                  customThumbnail: 'shown' | 'held_for_review' | null;
                  description: string;
                  /** @description seconds */
                  duration: number | null;
                  failureReason: string | null;
                  /** @description whether the signed-in caller likes this video (false for guests) */
                  hasLiked: boolean;
                  height: number | null;
                  id: string;
                  /** @description summary, key points and chapters (single-video responses; null until analysed) */
                  insights?: {
                    chapters: {
                      startSeconds: number;
                      title: string;
                    }[];
                    /** @description ISO-8601 timestamp */
                    editedAt: string | null;
                    keyPoints: string[];
                    model: {
                      name: string;
                      /** @enum {string} */
                      provider: 'local' | 'remote';
                      version: string;
                    };
                    summary: string;
                    /** @description ISO-8601 timestamp */
                    updatedAt: string;
                  } | null;
                  likes: number;
                  /** @description ISO-8601 timestamp */
                  processedAt: string | null;
                  /** @description 0-100 while processing */
                  processingProgress: number;
                  renditions: {
                    bandwidth: number;
                    height: number | null;
                    name: string;
                    width: number | null;
                  }[];
                  /** @enum {string} */
                  status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                  storyboard: {
                    imageUrl: string;
                    vttUrl: string;
                  } | null;
                  tags: string[];
                  /** @description the custom thumbnail when there is one and it is shown, else the poster */
                  thumbnailUrl: string | null;
                  title: string;
                  /** @description ISO-8601 timestamp */
                  uploadedAt: string | null;
                  views: number;
                  /** @enum {string} */
                  visibility: 'public' | 'unlisted' | 'private';
                  width: number | null;
                };
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/trending': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Trending public videos: views·1 + likes·5 + comments·3 + watch minutes·0.1 (configurable), each decayed by its age */
    get: {
      parameters: {
        query?: {
          category?:
            | 'education'
            | 'music'
            | 'gaming'
            | 'science'
            | 'technology'
            | 'sports'
            | 'news'
            | 'entertainment'
            | 'travel'
            | 'howto'
            | 'film'
            | 'comedy'
            | 'people'
            | 'other';
          /** @description page size, 1-100 (default 20) */
          limit?: number;
          page?: number;
          /** @description how far back activity counts; recent activity always weighs more */
          window?: 'hour' | 'day' | 'week';
        };
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
            'application/json': {
              data: {
                category: string | null;
                commentCount: number;
                /** @description ISO-8601 timestamp */
                createdAt: string;
                creator: {
                  avatarUrl: string | null;
                  id: string;
                  username: string;
                };
                /**
                 * @description the owner's view of their uploaded thumbnail: shown, or held by image moderation (the poster is shown until an admin approves); null when there is none, and for everyone but the owner
                 * @enum {string|null}
                 */
                customThumbnail: 'shown' | 'held_for_review' | null;
                description: string;
                /** @description seconds */
                duration: number | null;
                failureReason: string | null;
                /** @description whether the signed-in caller likes this video (false for guests) */
                hasLiked: boolean;
                height: number | null;
                id: string;
                /** @description summary, key points and chapters (single-video responses; null until analysed) */
                insights?: {
                  chapters: {
                    startSeconds: number;
                    title: string;
                  }[];
                  /** @description ISO-8601 timestamp */
                  editedAt: string | null;
                  keyPoints: string[];
                  model: {
                    name: string;
                    /** @enum {string} */
                    provider: 'local' | 'remote';
                    version: string;
                  };
                  summary: string;
                  /** @description ISO-8601 timestamp */
                  updatedAt: string;
                } | null;
                likes: number;
                /** @description ISO-8601 timestamp */
                processedAt: string | null;
                /** @description 0-100 while processing */
                processingProgress: number;
                renditions: {
                  bandwidth: number;
                  height: number | null;
                  name: string;
                  width: number | null;
                }[];
                /** @enum {string} */
                status: 'uploading' | 'processing' | 'ready' | 'failed' | 'deleted';
                storyboard: {
                  imageUrl: string;
                  vttUrl: string;
                } | null;
                tags: string[];
                /** @description the custom thumbnail when there is one and it is shown, else the poster */
                thumbnailUrl: string | null;
                title: string;
                /** @description ISO-8601 timestamp */
                uploadedAt: string | null;
                views: number;
                /** @enum {string} */
                visibility: 'public' | 'unlisted' | 'private';
                width: number | null;
              }[];
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/api/v1/videos/upload-url': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * S3 mode: presigned part URLs to upload a video's file straight to storage
     * @description Counts against the daily upload limit. Send an Idempotency-Key to make retries safe (a replay returns the same upload with fresh URLs). PUT each part (partSize bytes, the last one shorter) to its URL, keep each response's ETag, then call upload-complete. Without S3 storage: 409 DIRECT_UPLOAD_UNAVAILABLE; use tus at /api/v1/uploads.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Makes a retry safe: the same key (per user) answers what the first request created, header Idempotent-Replayed: true */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            contentType: string;
            filename: string;
            sizeBytes: number;
            /** Format: uuid */
            videoId: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              data: {
                /** @description the part URLs and the upload itself expire then */
                expiresAt: string;
                parts: {
                  partNumber: number;
                  /** @description PUT this part's bytes here; keep the response's ETag header */
                  url: string;
                }[];
                /** @description bytes per part; every part but the last must be exactly this long */
                partSize: number;
                /** @description pass back to upload-complete */
                uploadId: string;
              };
              meta?: {
                [key: string]: unknown;
              };
              /** @enum {boolean} */
              success: true;
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
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up */
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
            'application/json': {
              /** @enum {string} */
              status: 'ok';
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
  '/media/s/{expires}/{signature}/videos/{videoId}/{*}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A playback file through a signed, expiring URL (private videos); get one from stream-url */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          '*': string;
          expires: string;
          signature: string;
          videoId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file (HLS playlist, MPEG-TS segment, JPEG or WebVTT); 206 for a Range request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
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
  '/media/videos/{videoId}/{*}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A playback file of a public or unlisted video (HLS playlists and segments, poster, custom thumbnail, storyboard) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          '*': string;
          videoId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file (HLS playlist, MPEG-TS segment, JPEG or WebVTT); 206 for a Range request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': unknown;
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
  '/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database (and Redis, when configured) answer and migrations are applied */
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
            'application/json': {
              ai?: {
                /** @description the offline embedder: the sentence encoder when ready (not-loaded: it loads on the first embedding); "fallback" means its model could not load and hashed word vectors (no synonyms) are used instead */
                localEmbedder?: {
                  model: string;
                  reason?: string;
                  /** @enum {string} */
                  status: 'not-loaded' | 'loading' | 'ready' | 'fallback';
                };
                /** @description models loaded on first use (voice activity, image moderation, language ID); failed: its fallback runs */
                localModels: {
                  [key: string]: {
                    error?: string;
                    /** @enum {string} */
                    state: 'not-loaded' | 'loading' | 'loaded' | 'failed';
                  };
                };
                /** @description per task, the providers in fallback order (empty: the feature says it is unavailable) */
                providers: {
                  [key: string]: string[];
                };
                /**
                 * @description in-process: the database has no pgvector, so vectors are searched by an HNSW index (usearch) inside StreamHub
                 * @enum {string}
                 */
                vectorSearch: 'pgvector' | 'in-process';
              };
              checks: {
                [key: string]: {
                  error?: string;
                  /** @enum {string} */
                  status: 'up' | 'down';
                };
              };
              /** @enum {string} */
              status: 'ready' | 'not_ready';
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              ai?: {
                /** @description the offline embedder: the sentence encoder when ready (not-loaded: it loads on the first embedding); "fallback" means its model could not load and hashed word vectors (no synonyms) are used instead */
                localEmbedder?: {
                  model: string;
                  reason?: string;
                  /** @enum {string} */
                  status: 'not-loaded' | 'loading' | 'ready' | 'fallback';
                };
                /** @description models loaded on first use (voice activity, image moderation, language ID); failed: its fallback runs */
                localModels: {
                  [key: string]: {
                    error?: string;
                    /** @enum {string} */
                    state: 'not-loaded' | 'loading' | 'loaded' | 'failed';
                  };
                };
                /** @description per task, the providers in fallback order (empty: the feature says it is unavailable) */
                providers: {
                  [key: string]: string[];
                };
                /**
                 * @description in-process: the database has no pgvector, so vectors are searched by an HNSW index (usearch) inside StreamHub
                 * @enum {string}
                 */
                vectorSearch: 'pgvector' | 'in-process';
              };
              checks: {
                [key: string]: {
                  error?: string;
                  /** @enum {string} */
                  status: 'up' | 'down';
                };
              };
              /** @enum {string} */
              status: 'ready' | 'not_ready';
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
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
