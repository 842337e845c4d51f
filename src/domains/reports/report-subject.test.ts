import { describe, expect, it } from 'vitest';
import { roleForTitles } from './report-subject.ts';

describe('roleForTitles', () => {
  it('maps the township titles to their report templates', () => {
    const cases: Array<[string[], boolean, string]> = [
      [['党委书记'], false, 'party_secretary'],
      [['党委副书记、镇长'], false, 'mayor'],
      [['副镇长'], false, 'deputy'],
      [['党委副书记'], false, 'deputy'],
      [['人大主席'], false, 'deputy'],
      [['党委委员、组织委员'], false, 'organization_member'],
      [['党委委员、宣传委员'], false, 'propaganda_member'],
      [['纪委书记'], false, 'discipline_secretary'],
      [['党委委员、政法委员'], false, 'politics_law_member'],
      [['党委委员、武装部长'], false, 'armed_forces_head'],
      [['宣传专干'], false, 'specialist'],
      [['组织干事'], false, 'specialist'],
      [['石桥村党支部书记、村委会主任'], true, 'village_secretary'],
      [['桃源社区党支部书记、居委会主任'], true, 'village_secretary'],
      [['石桥村村委会委员'], true, 'village_secretary'],
      [['石桥村网格员'], true, 'specialist'],
    ];
    for (const [titles, village, role] of cases)
      expect(roleForTitles(titles, village), titles.join()).toBe(role);
  });

  it('does not take a deputy secretary or a village secretary for the party secretary', () => {
    expect(roleForTitles(['党委副书记'], false)).not.toBe('party_secretary');
    expect(roleForTitles(['青松村党支部书记'], true)).toBe('village_secretary');
  });
});
