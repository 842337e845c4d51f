import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChips } from '../../core/report/model.ts';
import { newId } from '../../db/ids.ts';
import { addOtherTown } from '../../testing/scope/matrix.ts';
import { createTestApp, type TestApp } from '../../testing/app.ts';
import { appealKit, type AppealKit } from '../../testing/appeals.ts';
import { analysisTown, Q2, YEAR, YEAR_QUERY, type AnalysisTown } from '../../testing/analysis.ts';

// The town (测试镇) of testing/analysis.ts: a year of recurring complaints; 西村's 路灯 orders
// fall in the second quarter.
let t: TestApp;
let k: AppealKit;
let a: AnalysisTown;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  k = appealKit(t);
  a = await analysisTown(t);
});
afterAll(() => t.close());

const received = (doc: any) => allChips(doc).find((c) => c.metricId === 'appeals.received')!;

describe('签发 分析通报', () => {
  it('stores the issued bulletin as numbered 第N期 and never recomputes it when orders change later', async () => {
    const leader = await k.cookie('leader');
    const res = await t.call('POST', `${k.base}/appeal-bulletin/issues`, {
      cookie: leader,
      body: Q2,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const year = new Date().getUTCFullYear();
    expect(res.body).toMatchObject({
      number: 1,
      label: `${year}年第1期`,
      title: '测试镇诉求办理分析通报',
      from: Q2.from,
      to: Q2.to,
      scopeKind: 'town',
    });
    expect(res.body.document.byline).toBe(`（${year}年第1期\u3000${YEAR}年第二季度）`);
    // GB/T 9704: 版头 with the 发文字号 (机关代字〔年份〕序号号) and the 落款 (issuing body, date).
    const [y, m, d] = (res.body.data.issuedOn as string).split('-').map(Number);
    const issuedOn = `${y}年${m}月${d}日`;
    expect(res.body.document.header).toEqual({
      issuer: '测试镇人民政府',
      docNumber: `测试政通〔${year}〕1号`,
    });
    expect(res.body.document.signature).toEqual({ issuer: '测试镇人民政府', date: issuedOn });
    expect(res.body.html).toContain(`测试政通〔${year}〕1号`);
    expect(res.body.document.frozenAt).toBeTruthy();
    expect(res.body.html).toContain('表1　各村（社区）诉求办理情况');
    const issuedValue = received(res.body.document).value!;
    const issuedTotalRow = res.body.data.tables[0].rows.at(-1);
    expect(issuedTotalRow.name).toBe('合计');
    expect(issuedTotalRow.cells[0].value).toBe(issuedValue);

    // After issuing, an order is registered late with a Q2 intake time: the live bulletin
    // changes, the issued one does not.
    const late = await k.intake('dispatcher', {
      kind: 'hotline',
      channel: 'hotline_12345',
      categoryCode: 'urban.roads',
      villageId: a.village,
      title: '补录：村道塌陷',
      content: '五月份反映的村道塌陷，当时漏登，现补录。',
      receivedAt: `${YEAR}-05-20T02:00:00Z`,
      payload: { hotlineNo: 'RX-LATE-1' },
    });
    const live = await t.call('GET', `${k.base}/appeal-bulletin?from=${Q2.from}&to=${Q2.to}`, {
      cookie: leader,
    });
    expect(received(live.body.document).value).toBe(issuedValue + 1);
    const again = await t.call('GET', `${k.base}/appeal-bulletin/issues/${res.body.id}`, {
      cookie: leader,
    });
    expect(again.status).toBe(200);
    expect(received(again.body.document).value).toBe(issuedValue);
    expect(again.body.data.tables[0].rows.at(-1).cells[0].value).toBe(issuedValue);
    expect(again.body.document).toEqual(res.body.document);

    // The issued figure's metric reference still drills down: today's orders behind the same query.
    const chip = received(again.body.document);
    const qs = new URLSearchParams(
      Object.entries(chip.params).map(([key, v]) => [key, String(v)]),
    ).toString();
    const drill = await t.call(
      'GET',
      `${k.base}/appeal-bulletin/metrics/${chip.metricId}/orders?${qs}&limit=500`,
      { cookie: leader },
    );
    expect(drill.status).toBe(200);
    expect(drill.body.items.map((o: any) => o.id)).toContain(late.id);

    // The issuer may sign with another body and 机关代字; a code with digits or brackets is refused.
    const bad = await t.call('POST', `${k.base}/appeal-bulletin/issues`, {
      cookie: leader,
      body: { from: `${YEAR}-07-01`, to: `${YEAR}-09-30`, docCode: '青〔1〕' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('机关代字');
    const second = await t.call('POST', `${k.base}/appeal-bulletin/issues`, {
      cookie: leader,
      body: {
        from: `${YEAR}-07-01`,
        to: `${YEAR}-09-30`,
        issuer: '测试镇接诉即办工作专班',
        docCode: '青诉办',
      },
    });
    expect(second.body.number).toBe(2);
    expect(second.body.document.header.docNumber).toBe(`青诉办〔${year}〕2号`);
    expect(second.body.document.signature.issuer).toBe('测试镇接诉即办工作专班');
    const list = await t.call('GET', `${k.base}/appeal-bulletin/issues`, {
      cookie: await k.cookie('cadre'),
    });
    expect(list.body.items.map((i: any) => i.label)).toEqual([`${year}年第2期`, `${year}年第1期`]);
    expect(list.body.items[1].issuedByName).toBeTruthy();
    const audit = await t.database.db
      .selectFrom('audit_entry')
      .select('action')
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['issue']);
  });

  it('lets only leaders and admins issue', async () => {
    for (const user of ['staff', 'cadre', 'dispatcher', 'supervisor']) {
      expect(
        (
          await t.call('POST', `${k.base}/appeal-bulletin/issues`, {
            cookie: await k.cookie(user),
            body: Q2,
          })
        ).status,
        user,
      ).toBe(403);
    }
  });

  // Every cell of those tables is a metric of the bulletin.
  it('puts the figures tables into the Word file in the official look', async () => {
    const issued = (
      await t.call('GET', `${k.base}/appeal-bulletin/issues`, { cookie: await k.cookie('leader') })
    ).body.items[1];
    const res = await t.app.request(`${k.base}/appeal-bulletin/issues/${issued.id}/docx`, {
      headers: { cookie: await k.cookie('leader') },
    });
    expect(res.status).toBe(200);
    const xml = await (
      await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
    )
      .file('word/document.xml')!
      .async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    const text = xml.replace(/<[^>]+>/g, '').replaceAll('\u200b', '');
    expect(text).toContain('表1　各村（社区）诉求办理情况');
    // 版头 first, 落款 last.
    expect(text).toMatch(/^测试镇人民政府测试政通〔\d{4}〕1号测试镇诉求办理分析通报/u);
    expect(text).toMatch(/下步工作.*测试镇人民政府\d{4}年\d{1,2}月\d{1,2}日$/u);
    expect(text).toContain('表2　受理量居前的诉求类别');
    expect(xml).toMatch(/<w:tblHeader\/>/);
    expect(xml).toContain('w:eastAsia="黑体"');
    for (const head of ['受理量', '响应率', '解决率', '满意率', '逾期', '西村', '合计'])
      expect(text).toContain(head);
    const detail = (
      await t.call('GET', `${k.base}/appeal-bulletin/issues/${issued.id}`, {
        cookie: await k.cookie('leader'),
      })
    ).body;
    const village = detail.data.tables[0].rows.find((r: any) => r.name === '西村');
    // A cell is the village's group of the metric: its drill-down lists exactly as many orders as the cell says.
    const cell = village.cells[0];
    const qs = new URLSearchParams(
      Object.entries(cell.params as Record<string, string>),
    ).toString();
    const rows = await t.call(
      'GET',
      `${k.base}/appeal-bulletin/metrics/${cell.metricId}/orders?${qs}&limit=500`,
      { cookie: await k.cookie('leader') },
    );
    expect(rows.body.items.length).toBe(cell.value);
    const overdue = village.cells[4];
    const overdueRows = await t.call(
      'GET',
      `${k.base}/appeal-bulletin/metrics/${overdue.metricId}/orders?` +
        `${new URLSearchParams(overdue.params).toString()}&limit=500`,
      { cookie: await k.cookie('leader') },
    );
    expect(overdueRows.body.items.length).toBe(overdue.value);
    expect(overdueRows.body.items.map((o: any) => o.villageId)).toEqual(
      overdueRows.body.items.map(() => overdue.params.group),
    );
  });
});

describe('county ranking click-through', () => {
  it('lets a county supervisor open the orders behind a town’s figure only in towns they hold grants for', async () => {
    const other = await addOtherTown(t.database.db);
    const cookie = await k.cookie('supervisor');
    const year = YEAR_QUERY;
    const ranking = (await t.call('GET', `/api/v1/appeal-rankings?${year}`, { cookie })).body.items;
    const ours = ranking.find((r: any) => r.townName === '测试镇');
    const drill = await t.call(
      'GET',
      `/api/v1/towns/${ours.townId}/appeal-bulletin/metrics/appeals.satisfaction_rate/orders?${year}&limit=500`,
      { cookie },
    );
    expect(drill.status).toBe(200);
    const all: any[] = [...drill.body.items];
    for (let cursor = drill.body.nextCursor; cursor;) {
      const page = await t.call(
        'GET',
        `/api/v1/towns/${ours.townId}/appeal-bulletin/metrics/appeals.satisfaction_rate/orders?` +
          `${year}&limit=500&cursor=${cursor}`,
        { cookie },
      );
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(all.length).toBe(ours.satisfactionRate.denominator);
    expect(all.filter((o) => o.inNumerator).length).toBe(ours.satisfactionRate.numerator);
    // No grant in 白云镇 yet: refused; with a grant: allowed (and still read-only).
    expect(
      (
        await t.call(
          'GET',
          `/api/v1/towns/${other}/appeal-bulletin/metrics/appeals.received/orders?${year}`,
          { cookie },
        )
      ).status,
    ).toBe(403);
    await t.database.db
      .insertInto('user_role')
      .values({
        town_id: t.townId,
        id: newId(),
        user_id: a.users.supervisor.userId,
        role: 'county_supervisor',
        scope_town_id: other,
      })
      .execute();
    expect(
      (
        await t.call(
          'GET',
          `/api/v1/towns/${other}/appeal-bulletin/metrics/appeals.received/orders?${year}`,
          { cookie },
        )
      ).status,
    ).toBe(200);
    expect(
      (await t.call('POST', `/api/v1/towns/${other}/appeal-bulletin/issues`, { cookie, body: Q2 }))
        .status,
    ).toBe(403);
  });
});
