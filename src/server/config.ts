/**
 * Configuration from the environment, validated once at start. The README's configuration
 * table lists these variables; keep them in step.
 */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 须以 postgres:// 开头')
    .optional(),
  // A streaming-replication standby of DATABASE_URL for the read-only routes (docs/scale-out.md).
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_REPLICA_URL 须以 postgres:// 开头')
    .optional(),
  // Reads go back to the primary while the replica may be staler than this.
  LVZHI_REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  LVZHI_DATA_DIR: z.string().default('./data'),
  LVZHI_ADMIN_PASSWORD: z.string().min(1).optional(),
  LVZHI_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  LVZHI_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  LVZHI_SESSION_IDLE_HOURS: z.coerce.number().min(0.1).max(720).default(12),
  LVZHI_SESSION_MAX_DAYS: z.coerce.number().min(0.1).max(90).default(7),
  LVZHI_NO_DEMO: z.enum(['0', '1']).default('0'),
  // Number of reverse proxies in front of the app (X-Forwarded-For entries to trust from the right).
  LVZHI_TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  // On SIGTERM/SIGINT: how long requests in flight may take to finish before the process gives up.
  LVZHI_SHUTDOWN_SECONDS: z.coerce.number().min(1).max(600).default(30),
  // Lets a scraper on another machine read /metrics with `Authorization: Bearer …`.
  LVZHI_METRICS_TOKEN: z.string().min(16, 'LVZHI_METRICS_TOKEN 至少 16 个字符').optional(),
  // Public addresses of the app behind a reverse proxy, e.g. https://lvzhi.example.gov.cn
  // (comma-separated): signed-in browsers' writes from these origins are the app's own.
  LVZHI_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(/^https?:\/\/[^/\s]+$/, 'LVZHI_ORIGINS 的每一项须形如 https://主机名[:端口]'),
      ),
    ),
  // 润色 by the town's own model server (OpenAI-compatible chat completions); off when unset.
  LVZHI_REPHRASE_URL: z
    .url({ protocol: /^https?$/, message: 'LVZHI_REPHRASE_URL 须为 http:// 或 https:// 地址' })
    .optional(),
  LVZHI_REPHRASE_MODEL: z.string().min(1).max(200).optional(),
  LVZHI_REPHRASE_KEY: z.string().min(1).max(500).optional(),
  LVZHI_REPHRASE_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(60),
});

export type EnvConfig = z.infer<typeof Env>;

const Checked = Env.superRefine((e, ctx) => {
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['DATABASE_REPLICA_URL'],
      message: '只读副本需要主库：请同时设置 DATABASE_URL（内嵌数据库没有副本）',
    });
  if (e.LVZHI_REPHRASE_URL && !e.LVZHI_REPHRASE_MODEL)
    ctx.addIssue({
      code: 'custom',
      path: ['LVZHI_REPHRASE_MODEL'],
      message: '设置了 LVZHI_REPHRASE_URL 时须同时给出模型名称',
    });
  if (!e.LVZHI_REPHRASE_URL && (e.LVZHI_REPHRASE_MODEL || e.LVZHI_REPHRASE_KEY))
    ctx.addIssue({
      code: 'custom',
      path: ['LVZHI_REPHRASE_URL'],
      message: '给出了模型名称或密钥，但没有设置改写服务地址',
    });
});

export function readEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const parsed = Checked.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const WEB_DIST = path.join(REPO_ROOT, 'web/dist');

export function databaseOptions(env: EnvConfig) {
  return env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { dataDir: path.resolve(env.LVZHI_DATA_DIR) };
}

/**
 * The model server for 润色, or undefined when the operator configured none. A base address
 * (…/v1) gets the chat-completions path appended.
 */
export function rephraseConfig(env: EnvConfig) {
  if (!env.LVZHI_REPHRASE_URL || !env.LVZHI_REPHRASE_MODEL) return undefined;
  const url = env.LVZHI_REPHRASE_URL.replace(/\/+$/, '');
  return {
    url: url.endsWith('/chat/completions') ? url : `${url}/chat/completions`,
    model: env.LVZHI_REPHRASE_MODEL,
    apiKey: env.LVZHI_REPHRASE_KEY,
    timeoutMs: env.LVZHI_REPHRASE_TIMEOUT_SECONDS * 1000,
  };
}
