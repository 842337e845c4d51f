/**
 * China's statutory holidays and 调休 make-up working days for 2020–2026, transcribed from the
 * State Council General Office notices (国务院办公厅关于部分节假日安排的通知) linked per year.
 * Pure data; `work-calendar.ts` validates it with zod when it builds a calendar.
 */
import type { YearArrangement } from './work-calendar.ts';

/** Ranges are inclusive; a range "与周末连休" includes the adjoining weekend days. */
export const HOLIDAY_ARRANGEMENTS_2020_2026: YearArrangement[] = [
  {
    year: 2020,
    source:
      'http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm；' +
      '春节延长：http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm',
    holidays: [
      { name: '元旦', from: '2020-01-01', to: '2020-01-01' },
      // Extended to 2 February by the 2020-01-27 notice (COVID-19); the 1 February make-up
      // working day of the original notice was thereby cancelled.
      { name: '春节', from: '2020-01-24', to: '2020-02-02' },
      { name: '清明节', from: '2020-04-04', to: '2020-04-06' },
      { name: '劳动节', from: '2020-05-01', to: '2020-05-05' },
      { name: '端午节', from: '2020-06-25', to: '2020-06-27' },
      { name: '国庆节、中秋节', from: '2020-10-01', to: '2020-10-08' },
    ],
    workdays: [
      { date: '2020-01-19', name: '春节调休上班' },
      { date: '2020-04-26', name: '劳动节调休上班' },
      { date: '2020-05-09', name: '劳动节调休上班' },
      { date: '2020-06-28', name: '端午节调休上班' },
      { date: '2020-09-27', name: '国庆节、中秋节调休上班' },
      { date: '2020-10-10', name: '国庆节、中秋节调休上班' },
    ],
  },
  {
    year: 2021,
    source: 'http://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm',
    holidays: [
      { name: '元旦', from: '2021-01-01', to: '2021-01-03' },
      { name: '春节', from: '2021-02-11', to: '2021-02-17' },
      { name: '清明节', from: '2021-04-03', to: '2021-04-05' },
      { name: '劳动节', from: '2021-05-01', to: '2021-05-05' },
      { name: '端午节', from: '2021-06-12', to: '2021-06-14' },
      { name: '中秋节', from: '2021-09-19', to: '2021-09-21' },
      { name: '国庆节', from: '2021-10-01', to: '2021-10-07' },
    ],
    workdays: [
      { date: '2021-02-07', name: '春节调休上班' },
      { date: '2021-02-20', name: '春节调休上班' },
      { date: '2021-04-25', name: '劳动节调休上班' },
      { date: '2021-05-08', name: '劳动节调休上班' },
      { date: '2021-09-18', name: '中秋节调休上班' },
      { date: '2021-09-26', name: '国庆节调休上班' },
      { date: '2021-10-09', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2022,
    source: 'http://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm',
    holidays: [
      { name: '元旦', from: '2022-01-01', to: '2022-01-03' },
      { name: '春节', from: '2022-01-31', to: '2022-02-06' },
      { name: '清明节', from: '2022-04-03', to: '2022-04-05' },
      { name: '劳动节', from: '2022-04-30', to: '2022-05-04' },
      { name: '端午节', from: '2022-06-03', to: '2022-06-05' },
      { name: '中秋节', from: '2022-09-10', to: '2022-09-12' },
      { name: '国庆节', from: '2022-10-01', to: '2022-10-07' },
    ],
    workdays: [
      { date: '2022-01-29', name: '春节调休上班' },
      { date: '2022-01-30', name: '春节调休上班' },
      { date: '2022-04-02', name: '清明节调休上班' },
      { date: '2022-04-24', name: '劳动节调休上班' },
      { date: '2022-05-07', name: '劳动节调休上班' },
      { date: '2022-10-08', name: '国庆节调休上班' },
      { date: '2022-10-09', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2023,
    source: 'http://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm',
    holidays: [
      { name: '元旦', from: '2022-12-31', to: '2023-01-02' },
      { name: '春节', from: '2023-01-21', to: '2023-01-27' },
      { name: '清明节', from: '2023-04-05', to: '2023-04-05' },
      { name: '劳动节', from: '2023-04-29', to: '2023-05-03' },
      { name: '端午节', from: '2023-06-22', to: '2023-06-24' },
      { name: '中秋节、国庆节', from: '2023-09-29', to: '2023-10-06' },
    ],
    workdays: [
      { date: '2023-01-28', name: '春节调休上班' },
      { date: '2023-01-29', name: '春节调休上班' },
      { date: '2023-04-23', name: '劳动节调休上班' },
      { date: '2023-05-06', name: '劳动节调休上班' },
      { date: '2023-06-25', name: '端午节调休上班' },
      { date: '2023-10-07', name: '中秋节、国庆节调休上班' },
      { date: '2023-10-08', name: '中秋节、国庆节调休上班' },
    ],
  },
  {
    year: 2024,
    source: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    holidays: [
      { name: '元旦', from: '2023-12-30', to: '2024-01-01' },
      { name: '春节', from: '2024-02-10', to: '2024-02-17' },
      { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
      { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
      { name: '端午节', from: '2024-06-08', to: '2024-06-10' },
      { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
      { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
    ],
    workdays: [
      { date: '2024-02-04', name: '春节调休上班' },
      { date: '2024-02-18', name: '春节调休上班' },
      { date: '2024-04-07', name: '清明节调休上班' },
      { date: '2024-04-28', name: '劳动节调休上班' },
      { date: '2024-05-11', name: '劳动节调休上班' },
      { date: '2024-09-14', name: '中秋节调休上班' },
      { date: '2024-09-29', name: '国庆节调休上班' },
      { date: '2024-10-12', name: '国庆节调休上班' },
    ],
  },
  {
    year: 2025,
    source: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ],
    workdays: [
      { date: '2025-01-26', name: '春节调休上班' },
      { date: '2025-02-08', name: '春节调休上班' },
      { date: '2025-04-27', name: '劳动节调休上班' },
      { date: '2025-09-28', name: '国庆节、中秋节调休上班' },
      { date: '2025-10-11', name: '国庆节、中秋节调休上班' },
    ],
  },
  {
    year: 2026,
    source: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦调休上班' },
      { date: '2026-02-14', name: '春节调休上班' },
      { date: '2026-02-28', name: '春节调休上班' },
      { date: '2026-05-09', name: '劳动节调休上班' },
      { date: '2026-09-20', name: '国庆节调休上班' },
      { date: '2026-10-10', name: '国庆节调休上班' },
    ],
  },
];
