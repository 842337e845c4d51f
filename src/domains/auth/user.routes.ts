/** HTTP routes for account administration, open to the town's admins only. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ROLES } from '../../core/actor.ts';
import type { AppEnv } from '../../http/env.ts';
import { inTransaction } from '../../http/handler.ts';
import { jsonBody, jsonResponse, TownEntityParams, TownParams } from '../../http/openapi.ts';
import { defineRoute } from '../../http/route.ts';
import * as users from './user.service.ts';
import { usersManage } from './users.policy.ts';

const tags = ['用户与权限'];

const Grant = z.object({
  role: z.enum(ROLES).meta({ title: '角色' }),
  townId: z.uuid().optional().meta({ title: '授权乡镇' }),
  unitId: z.uuid().nullable().optional().meta({ title: '范围单位' }),
});
const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    personId: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number(),
    roles: z.array(
      z.object({ role: z.enum(ROLES), townId: z.string(), unitId: z.string().nullable() }),
    ),
  })
  .openapi('User');
const UserCreate = z.object({
  username: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/,
      '用户名须以字母开头，3–32 位字母、数字、点、下划线或连字符',
    )
    .meta({ title: '用户名' }),
  displayName: z.string().trim().min(1).max(30).meta({ title: '显示名称' }),
  personId: z.uuid().nullable().optional().meta({ title: '关联人员' }),
  roles: z.array(Grant).min(1).max(50).meta({ title: '角色' }),
  password: z.string().min(1).max(200).optional().meta({ title: '初始密码' }),
});
const UserUpdate = z.object({
  version: z.number().int().min(1).meta({ title: '版本号' }),
  displayName: z.string().trim().min(1).max(30).optional().meta({ title: '显示名称' }),
  personId: z.uuid().nullable().optional().meta({ title: '关联人员' }),
  disabled: z.boolean().optional().meta({ title: '停用' }),
  roles: z.array(Grant).max(50).optional().meta({ title: '角色' }),
});
const ResetBody = z.object({
  password: z.string().min(1).max(200).optional().meta({ title: '新密码' }),
});

export function registerUserRoutes(app: OpenAPIHono<AppEnv>): void {
  defineRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/towns/{townId}/users',
      tags,
      summary: '用户列表',
      request: { params: TownParams },
      responses: jsonResponse(z.object({ items: z.array(User) }), '用户'),
    }),
    usersManage,
    async (c) =>
      c.json({ items: await users.listUsers(c.get('deps').db, c.req.param('townId')) }, 200),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/users',
      tags,
      summary: '新建用户（未给密码时生成一次性初始密码）',
      request: { params: TownParams, ...jsonBody(UserCreate) },
      responses: jsonResponse(
        z.object({ id: z.string(), initialPassword: z.string().nullable() }),
        '已创建',
        201,
      ),
    }),
    usersManage,
    async (c) => {
      const created = await inTransaction(c, (trx, ctx) =>
        users.createUser(trx, ctx, c.req.valid('json')),
      );
      return c.json(
        { id: created.id, initialPassword: created.generated ? created.password : null },
        201,
      );
    },
  );
  defineRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/towns/{townId}/users/{id}',
      tags,
      summary: '修改用户、停用、调整角色',
      request: { params: TownEntityParams, ...jsonBody(UserUpdate) },
      responses: jsonResponse(User, '已修改'),
    }),
    usersManage,
    async (c) =>
      c.json(
        await inTransaction(c, (trx, ctx) =>
          users.updateUser(trx, ctx, c.req.param('id'), c.req.valid('json')),
        ),
        200,
      ),
  );
  defineRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/towns/{townId}/users/{id}/reset-password',
      tags,
      summary: '重置密码',
      request: { params: TownEntityParams, ...jsonBody(ResetBody) },
      responses: jsonResponse(z.object({ password: z.string().nullable() }), '已重置'),
    }),
    usersManage,
    async (c) => {
      const body = c.req.valid('json') as z.infer<typeof ResetBody>;
      const password = await inTransaction(c, (trx, ctx) =>
        users.resetPassword(trx, ctx, c.req.param('id'), body.password),
      );
      return c.json({ password: body.password ? null : password }, 200);
    },
  );
}
