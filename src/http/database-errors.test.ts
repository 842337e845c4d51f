/**
 * The database safety net, against real errors from whichever back-end runs the tests (PGlite
 * by default, PostgreSQL with TEST_DATABASE_URL): each SQLSTATE we map is provoked with real SQL
 * on the live schema, then read back the way app.onError reads it; and through the app, a route
 * that trips a constraint answers a Chinese problem and logs the raw error at warn.
 */
import { Writable } from 'node:stream';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createApp } from '../server/app.ts';
import {
  columnNoun,
  databaseFailureOf,
  domainErrorOfDatabase,
  fkColumn,
  mapDatabaseError,
  stillReferenced,
  TABLE_NOUN,
  type DatabaseFailure,
} from './database-errors.ts';
import { problemOf } from './problem.ts';
import { WEB_DIST } from '../server/config.ts';

const CJK = /[\u4e00-\u9fff]/;
let database: TestDatabase;
let db: Kysely<DB>;
const county = newId();
const town = newId();
const unit = newId();
const person = newId();

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await sql`insert into county (id, name, code) values (${county}, '测试县', 'ceshi')`.execute(db);
  await sql`insert into town (id, county_id, name, code) values (${town}, ${county}, '测试镇', 'ceshizhen')`.execute(
    db,
  );
  await sql`insert into unit (town_id, id, kind, name, code) values (${town}, ${unit}, 'office', '党政办', 'dzb')`.execute(
    db,
  );
  await sql`insert into person (town_id, id, name, unit_id) values (${town}, ${person}, '张三', ${unit})`.execute(
    db,
  );
});
afterAll(() => database.close());

/** Runs `statement`, which must fail, and returns what app.onError would see of it. */
async function failureOf(
  statement: ReturnType<typeof sql>,
): Promise<{ raw: unknown; failure: DatabaseFailure }> {
  let raw: unknown;
  try {
    await statement.execute(db);
  } catch (error) {
    raw = error;
  }
  expect(raw, 'the statement should have failed').toBeDefined();
  const failure = databaseFailureOf(raw);
  expect(failure, String(raw)).not.toBeNull();
  return { raw, failure: failure! };
}

function problemFor(raw: unknown) {
  const mapped = mapDatabaseError(raw);
  expect(mapped).not.toBeNull();
  const problem = problemOf(mapped!.error);
  expect(problem.detail).toMatch(CJK);
  expect(problem.detail).not.toMatch(/violates|constraint|"|select|insert|delete|update/i);
  return problem;
}

describe(`database errors from ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  // ...and answers 409 with the index’s own message.
  it('reads code, constraint and table of a unique violation', async () => {
    const { raw, failure } = await failureOf(
      sql`insert into unit (town_id, id, kind, name, code) values (${town}, ${newId()}, 'office', '另一个', 'dzb')`,
    );
    expect(failure).toMatchObject({ code: '23505', constraint: 'unit_code_uq', table: 'unit' });
    expect(failure.detail).toContain('dzb');
    expect(problemFor(raw)).toMatchObject({
      status: 409,
      type: 'https://lvzhi.local/problems/conflict',
      detail: '单位编码已被本乡镇的其他单位使用',
    });
  });

  it('answers a unique violation of an index without its own message with the table’s Chinese name', async () => {
    const { raw } = await failureOf(
      sql`insert into person (town_id, id, name) values (${town}, ${person}, '重复')`,
    );
    expect(problemFor(raw)).toMatchObject({ status: 409, detail: '与已有的人员重复' });
  });

  it('answers a foreign key violation on insert with 422: the referenced row does not exist', async () => {
    const { raw, failure } = await failureOf(
      sql`insert into person (town_id, id, name, unit_id) values (${town}, ${newId()}, '李四', ${newId()})`,
    );
    expect(failure).toMatchObject({
      code: '23503',
      constraint: 'person_town_id_unit_id_fkey',
      table: 'person',
    });
    expect(stillReferenced(failure)).toBe(false);
    expect(problemFor(raw)).toMatchObject({
      status: 422,
      type: 'https://lvzhi.local/problems/invalid-input',
      detail: '所选的单位不存在或已被删除',
    });
  });

  it('answers a foreign key violation on update with 422 as well', async () => {
    const { raw } = await failureOf(
      sql`update person set unit_id = ${newId()} where town_id = ${town} and id = ${person}`,
    );
    expect(problemFor(raw)).toMatchObject({ status: 422, detail: '所选的单位不存在或已被删除' });
  });

  it('answers a foreign key violation on delete with 409: the row is still referenced', async () => {
    const { raw, failure } = await failureOf(
      sql`delete from unit where town_id = ${town} and id = ${unit}`,
    );
    expect(failure).toMatchObject({
      code: '23503',
      constraint: 'person_town_id_unit_id_fkey',
      table: 'person',
    });
    expect(stillReferenced(failure)).toBe(true);
    expect(problemFor(raw)).toMatchObject({
      status: 409,
      detail: '该记录仍被人员引用，无法删除；请先处理相关的人员',
    });
  });

  it('tells delete from insert on a self-referencing key too (a unit with child units)', async () => {
    const child = newId();
    await sql`insert into unit (town_id, id, parent_id, kind, name)
      values (${town}, ${child}, ${unit}, 'office', '下级')`.execute(db);
    try {
      const { raw } = await failureOf(
        sql`delete from unit where town_id = ${town} and id = ${unit}`,
      );
      expect(problemFor(raw).status).toBe(409);
      const insert = await failureOf(
        sql`insert into unit (town_id, id, parent_id, kind, name)
          values (${town}, ${newId()}, ${newId()}, 'office', '孤儿')`,
      );
      expect(problemFor(insert.raw)).toMatchObject({
        status: 422,
        detail: '所选的上级单位不存在或已被删除',
      });
    } finally {
      await sql`delete from unit where town_id = ${town} and id = ${child}`.execute(db);
    }
  });

  it('answers a check violation with 422 and the check’s own message', async () => {
    const { raw, failure } = await failureOf(
      sql`update person set gender = 'x' where town_id = ${town} and id = ${person}`,
    );
    expect(failure).toMatchObject({
      code: '23514',
      constraint: 'person_gender_check',
      table: 'person',
    });
    expect(problemFor(raw)).toMatchObject({ status: 422, detail: '性别只能是男或女' });
  });

  it('answers a not-null violation with 422 naming the column in Chinese', async () => {
    const { raw, failure } = await failureOf(
      sql`insert into unit (town_id, id, kind) values (${town}, ${newId()}, 'office')`,
    );
    expect(failure).toMatchObject({ code: '23502', table: 'unit', column: 'name' });
    expect(problemFor(raw)).toMatchObject({ status: 422, detail: '缺少名称' });
  });

  it.each([
    ['22P02', sql`select ${'not-a-uuid'}::uuid`, '数据格式不正确'],
    ['22007', sql`select ${'yesterday-ish'}::date`, '日期或时间的格式不正确'],
    ['22008', sql`select ${'2025-02-30'}::date`, '超出有效范围'],
    ['22003', sql`select ${'99999999999'}::int`, '数值超出'],
  ])('answers data exception %s with 422', async (code, statement, detail) => {
    const { raw, failure } = await failureOf(statement);
    expect(failure.code).toBe(code);
    const problem = problemFor(raw);
    expect(problem.status).toBe(422);
    expect(problem.detail).toContain(detail);
  });

  it('answers a serialization failure with 409 asking to retry', async () => {
    // PGlite has one connection, so no two transactions can race there: the server raises the
    // same SQLSTATE from PL/pgSQL instead, which still goes through the driver's error shape.
    if (!process.env.TEST_DATABASE_URL) {
      const raised = await sql`do $$ begin
          raise exception 'could not serialize access due to read/write dependencies among transactions'
          using errcode = '40001';
        end $$`
        .execute(db)
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(databaseFailureOf(raised)?.code).toBe('40001');
      expect(problemFor(raised)).toMatchObject({
        status: 409,
        detail: expect.stringContaining('请重试'),
      });
      return;
    }
    // Two serializable transactions each read what the other writes: PostgreSQL lets only one commit.
    const other = createTestDatabaseConnection();
    try {
      const a = await db.connection().execute(async (connA) =>
        other.connection().execute(async (connB) => {
          await sql`begin isolation level serializable`.execute(connA);
          await sql`begin isolation level serializable`.execute(connB);
          await sql`select count(*) from person where town_id = ${town}`.execute(connA);
          await sql`select count(*) from person where town_id = ${town}`.execute(connB);
          await sql`insert into person (town_id, id, name) values (${town}, ${newId()}, '甲')`.execute(
            connA,
          );
          await sql`insert into person (town_id, id, name) values (${town}, ${newId()}, '乙')`.execute(
            connB,
          );
          await sql`commit`.execute(connA);
          try {
            await sql`commit`.execute(connB);
            return null;
          } catch (error) {
            return error;
          }
        }),
      );
      expect(databaseFailureOf(a)?.code).toBe('40001');
      expect(problemFor(a)).toMatchObject({
        status: 409,
        detail: expect.stringContaining('请重试'),
      });
    } finally {
      await other.destroy();
    }
  });
});

/** A second pool on the same PostgreSQL database, for the two-transaction race. */
function createTestDatabaseConnection() {
  return new Kysely<DB>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
  });
}

describe('database error rules', () => {
  const failure = (f: Partial<DatabaseFailure>): DatabaseFailure => ({
    code: '00000',
    message: 'x',
    ...f,
  });

  it('answers serialization failures and deadlocks with 409 asking to retry', () => {
    for (const code of ['40001', '40P01']) {
      const error = domainErrorOfDatabase(failure({ code }))!;
      expect(problemOf(error)).toMatchObject({
        status: 409,
        detail: expect.stringContaining('请重试'),
      });
    }
  });

  it('reads the direction of a foreign key failure from a server speaking Chinese', () => {
    // lc_messages = zh_CN: the detail is translated, but the message still quotes three names on delete.
    const del = failure({
      code: '23503',
      message:
        '在 "unit" 上的更新或删除操作违反了在 "person" 上的外键约束 "person_town_id_unit_id_fkey"',
      detail: '键值对(town_id, id)=(…)仍然是从表"person"引用的.',
      table: 'person',
      constraint: 'person_town_id_unit_id_fkey',
    });
    const ins = failure({
      code: '23503',
      message: '插入或更新表 "person" 违反外键约束 "person_town_id_unit_id_fkey"',
      detail: '键值对(town_id, unit_id)=(…)没有在表"unit"中出现.',
      table: 'person',
      constraint: 'person_town_id_unit_id_fkey',
    });
    expect(problemOf(domainErrorOfDatabase(del)!).status).toBe(409);
    expect(problemOf(domainErrorOfDatabase(ins)!).status).toBe(422);
  });

  it('falls back to generic Chinese messages for constraints and tables it does not know', () => {
    expect(domainErrorOfDatabase(failure({ code: '23505' }))!.detail).toBe('与已有记录重复');
    expect(
      domainErrorOfDatabase(
        failure({
          code: '23503',
          message: 'update or delete on table "a" violates foreign key constraint "b" on table "c"',
          detail: 'Key (id)=(1) is still referenced from table "c".',
        }),
      )!.detail,
    ).toBe('数据已被其他记录引用，无法删除');
    expect(
      domainErrorOfDatabase(
        failure({ code: '23503', detail: 'Key (x)=(1) is not present in table "y".' }),
      )!.detail,
    ).toBe('引用的数据不存在或已被删除');
    expect(domainErrorOfDatabase(failure({ code: '23514' }))!.detail).toBe('数据不符合规则要求');
    expect(domainErrorOfDatabase(failure({ code: '23502' }))!.detail).toBe('缺少必填内容');
    expect(domainErrorOfDatabase(failure({ code: '22999' }))!.detail).toMatch(CJK);
  });

  it('leaves other errors to the 500 path: unknown SQLSTATEs, Node system errors, plain errors', () => {
    expect(domainErrorOfDatabase(failure({ code: '42P01' }))).toBeNull();
    expect(mapDatabaseError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeNull();
    expect(mapDatabaseError(new Error('boom'))).toBeNull();
    expect(mapDatabaseError(null)).toBeNull();
  });

  it('finds a database error wrapped as the cause of another', () => {
    const inner = Object.assign(
      new Error('duplicate key value violates unique constraint "town_code_key"'),
      { code: '23505', severity: 'ERROR', constraint: 'town_code_key', table: 'town' },
    );
    expect(mapDatabaseError(new Error('outer', { cause: inner }))?.error.detail).toBe(
      '乡镇代码已被使用',
    );
  });

  it('names the column of every foreign key in the schema in Chinese, and every table', async () => {
    const fks = await sql<{ conname: string; tbl: string }>`
      select conname, conrelid::regclass::text as tbl from pg_constraint
      where connamespace = 'public'::regnamespace and contype = 'f'`.execute(db);
    const unnamed = fks.rows
      .filter(
        (r) =>
          !columnNoun(
            fkColumn({
              code: '23503',
              message: '',
              constraint: r.conname,
              table: r.tbl.replace(/"/g, ''),
            }),
          ),
      )
      .map((r) => r.conname);
    expect(unnamed).toEqual([]);
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(
      db,
    );
    expect(tables.rows.map((r) => r.name).filter((n) => !TABLE_NOUN[n])).toEqual([]);
  });
});

describe('app.onError with a database error', () => {
  it('answers problem+json in Chinese and logs the raw error at warn', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const app = createApp({
      db,
      logger: pino({ level: 'warn' }, sink),
      config: { secureCookies: false, sessionIdleHours: 12, sessionMaxDays: 7, webDir: WEB_DIST },
    });
    // A probe standing for any service that writes without checking first.
    app.post('/api/v1/probe/duplicate-unit', async (c) => {
      await sql`insert into unit (town_id, id, kind, name, code)
        values (${town}, ${newId()}, 'office', '重复', 'dzb')`.execute(db);
      return c.body(null, 204);
    });
    const res = await app.request('/api/v1/probe/duplicate-unit', { method: 'POST' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'https://lvzhi.local/problems/conflict',
      title: '数据冲突',
      status: 409,
      detail: '单位编码已被本乡镇的其他单位使用',
      requestId: res.headers.get('x-request-id'),
    });
    const logged = lines.find((l) => l.msg === 'database error answered as a problem');
    expect(logged).toMatchObject({
      level: 40,
      requestId: res.headers.get('x-request-id'),
      sqlstate: '23505',
      constraint: 'unit_code_uq',
      table: 'unit',
      path: '/api/v1/probe/duplicate-unit',
    });
    expect(String(logged!.message)).toContain('unit_code_uq');
  });
});
