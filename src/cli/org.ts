/**
 * `lvzhi county add`, `lvzhi town add`, `lvzhi town list` and `lvzhi user add`: how an operator
 * sets up a real install (LVZHI_NO_DEMO=1) — a county, its first town with its first admin, then
 * accounts. Everything else is done in the web UI by that admin.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { ROLES, SYSTEM_ROLES, type Role, type SystemRole } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { DB } from '../db/schema.ts';
import { createUser, type GrantInput } from '../domains/auth/user.service.ts';
import * as towns from '../domains/org/town.service.ts';
import {
  findCountyByCode,
  findTownByCode,
  listTownsWithCounty,
} from '../domains/org/town.repository.ts';
import { CountyCreate, TownCreate } from '../domains/org/town.schema.ts';
import { fail, openForCli, type CliAccess } from './context.ts';
import { personsByIdOrName, unitsByCodeOrName } from './cli.repository.ts';

const CLI = { actor: null, ip: null } as const;

/** Runs one verb against the database; domain refusals become `错误：…` and exit code 1. */
async function withDatabase(
  access: CliAccess,
  work: (db: Kysely<DB>) => Promise<void>,
): Promise<void> {
  const { database } = await openForCli(access);
  try {
    await work(database.db);
  } catch (error) {
    await database.close();
    fail(
      error instanceof DomainError
        ? error.detail
        : error instanceof Error
          ? error.message
          : String(error),
    );
  }
  await database.close();
}

function parsed<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (!result.success) fail(result.error.issues.map((i) => i.message).join('；'));
  return result.data;
}

export function registerOrgCommands(program: Command): void {
  registerCountyCommands(program);
  registerTownCommands(program);
  registerUserAdd(program);
}

function registerCountyCommands(program: Command): void {
  const county = program.command('county').description('县（区）管理');
  county
    .command('add')
    .description('新建县（区）：正式安装的第一步')
    .requiredOption('--name <名称>', '县（区）名称，如 云溪县')
    .requiredOption('--code <code>', '编码：小写字母开头，如 yunxi')
    .action(async (opts: { name: string; code: string }) => {
      const input = parsed(CountyCreate, opts);
      await withDatabase('create', async (db) => {
        const row = await db.transaction().execute((trx) => towns.createCounty(trx, input));
        console.log(`已创建县（区）：${row.name}（${row.code}）`);
        console.log(
          `下一步：node bin/lvzhi.js town add --county ${row.code} --name <乡镇名称> --code <乡镇编码> --admin admin`,
        );
      });
    });
}

function registerTownCommands(program: Command): void {
  const town = program.command('town').description('乡镇管理');
  town
    .command('add')
    .description('在县（区）中新建乡镇，可同时建立其管理员账号（初始密码只显示一次）')
    .requiredOption('--county <code>', '所属县（区）编码')
    .requiredOption('--name <名称>', '乡镇名称，如 青石镇')
    .requiredOption('--code <code>', '乡镇编码：小写字母开头，如 qingshi')
    .option('--admin <username>', '同时创建该乡镇的管理员账号')
    .option('--admin-name <显示名称>', '管理员的显示名称（默认“<乡镇名称>管理员”）')
    .action(
      async (opts: {
        county: string;
        name: string;
        code: string;
        admin?: string;
        adminName?: string;
      }) => {
        const input = parsed(TownCreate, { name: opts.name, code: opts.code });
        await withDatabase('write', async (db) => {
          const countyRow = await findCountyByCode(db, opts.county);
          if (!countyRow) fail(`县（区）编码 ${opts.county} 不存在，请先执行 lvzhi county add`);
          const result = await db.transaction().execute(async (trx) => {
            const created = await towns.createTown(trx, CLI, countyRow.id, input);
            const admin = opts.admin
              ? await createUser(
                  trx,
                  { actor: null, townId: created.id, ip: null },
                  {
                    username: opts.admin,
                    displayName: opts.adminName ?? `${created.name}管理员`,
                    roles: [{ role: 'admin' }],
                  },
                )
              : null;
            return { created, admin };
          });
          console.log(
            `已创建乡镇：${result.created.name}（${result.created.code}），属 ${countyRow.name}`,
          );
          if (result.admin)
            console.log(
              `管理员账号：${opts.admin}    初始密码：${result.admin.password}（只显示这一次，首次登录后须修改）`,
            );
          else
            console.log(
              `尚未指定管理员，可执行：node bin/lvzhi.js user add --town ${result.created.code}` +
                ' --username <用户名> --name <显示名称> --role admin',
            );
        });
      },
    );
  town
    .command('list')
    .description('列出全部乡镇')
    .action(async () => {
      await withDatabase('read', async (db) => {
        const rows = await listTownsWithCounty(db);
        if (!rows.length)
          console.log('还没有乡镇。先执行 lvzhi county add，再执行 lvzhi town add。');
        for (const r of rows)
          console.log(`${r.code.padEnd(16)} ${r.name}（${r.countyName}，${r.countyCode}）`);
      });
    });
}

interface UserAddOptions {
  town: string;
  username: string;
  name: string;
  role: string[];
  unit?: string;
  person?: string;
  grant: string[];
  password?: string;
}

function registerUserAdd(program: Command): void {
  program
    .command('user')
    .description('用户管理')
    .command('add')
    .description('新建用户')
    .requiredOption('--town <code>', '所属乡镇编码，如 qingshi')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--name <displayName>', '显示名称')
    .requiredOption(
      '--role <roles...>',
      `本乡镇内的角色：${ROLES.join(' ')}；或系统运维 system_operator（全国工作日历，不能查看乡镇数据）`,
    )
    .option('--unit <单位>', '角色的范围单位（本乡镇单位的编码或名称；只看该单位及其下级）')
    .option('--person <人员>', '关联的人员（本乡镇人员的姓名或编号）')
    .option(
      '--grant <角色:乡镇编码>',
      '其他乡镇的角色，可重复，如 --grant county_supervisor:baiyun',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--password <password>', '初始密码（默认随机生成）')
    .action(async (opts: UserAddOptions) => {
      await withDatabase('write', async (db) => {
        const town = await findTownByCode(db, opts.town);
        if (!town) fail(`乡镇编码 ${opts.town} 不存在`);
        const unitId = opts.unit ? await resolveUnit(db, town.id, opts.unit) : null;
        const roles: GrantInput[] = opts.role.map((r) => ({ role: roleOf(r), unitId }));
        for (const g of opts.grant) roles.push(await resolveGrant(db, g));
        const personId = opts.person ? await resolvePerson(db, town.id, opts.person) : null;
        const created = await db.transaction().execute((trx) =>
          createUser(
            trx,
            { actor: null, townId: town.id, ip: null },
            {
              username: opts.username,
              displayName: opts.name,
              personId,
              roles,
              password: opts.password,
            },
          ),
        );
        console.log(
          `已创建用户 ${opts.username}${created.generated ? `，初始密码：${created.password}（首次登录后请修改）` : ''}`,
        );
      });
    });
}

function roleOf(value: string): Role | SystemRole {
  const known = [...ROLES, ...SYSTEM_ROLES] as readonly string[];
  if (!known.includes(value)) fail(`未知角色 ${value}，可选：${known.join(' ')}`);
  return value as Role | SystemRole;
}

async function resolveGrant(db: Kysely<DB>, value: string): Promise<GrantInput> {
  const [role, townCode] = value.split(':');
  if (!role || !townCode)
    fail(`--grant 的格式为 角色:乡镇编码，如 county_supervisor:baiyun（收到 ${value}）`);
  const town = await findTownByCode(db, townCode);
  if (!town) fail(`--grant ${value}：乡镇编码 ${townCode} 不存在`);
  return { role: roleOf(role), townId: town.id };
}

async function resolveUnit(db: Kysely<DB>, townId: string, value: string): Promise<string> {
  const rows = await unitsByCodeOrName(db, townId, value);
  if (rows.length !== 1)
    fail(
      rows.length
        ? `有 ${rows.length} 个名为“${value}”的单位，请改用单位编码`
        : `本乡镇没有编码或名称为“${value}”的单位`,
    );
  return rows[0]!.id;
}

async function resolvePerson(db: Kysely<DB>, townId: string, value: string): Promise<string> {
  const isId = /^[0-9a-f-]{36}$/i.test(value);
  const rows = await personsByIdOrName(db, townId, value, isId);
  if (rows.length !== 1)
    fail(
      rows.length
        ? `有 ${rows.length} 名叫“${value}”的人员，请改用人员编号（id）`
        : `本乡镇没有“${value}”这名人员`,
    );
  return rows[0]!.id;
}
