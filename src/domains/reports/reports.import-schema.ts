/**
 * Response shapes of imported past reports (往年报告): the parsed outline the API keeps of a file
 * (headings, numbers and placeholders located by section path and offset) and its comparison
 * with this year's draft.
 */
import { z } from '@hono/zod-openapi';

const Paragraph = z.object({ text: z.string(), offset: z.number() });

/** A heading of a past report with the text under it; level 4 are 一是/二是 items. */
export const ImportedSection: z.ZodType<ImportedSectionShape> = z
  .object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    marker: z.string(),
    ordinal: z.number(),
    heading: z.string(),
    path: z.string(),
    offset: z.number(),
    end: z.number(),
    paragraphs: z.array(Paragraph),
    /** Paragraphs after the subsections that close this section (absent in imports before 2025-12). */
    trailing: z.array(Paragraph).optional(),
    get children() {
      return z.array(ImportedSection);
    },
  })
  .openapi('ImportedReportSection');
interface ImportedSectionShape {
  level: 1 | 2 | 3 | 4;
  marker: string;
  ordinal: number;
  heading: string;
  path: string;
  offset: number;
  end: number;
  paragraphs: { text: string; offset: number }[];
  trailing?: { text: string; offset: number }[] | undefined;
  children: ImportedSectionShape[];
}

/** The outline of headings with the report parts (学/职/廉…) each 一、 is about. */
export const ImportedHeading: z.ZodType<ImportedHeadingShape> = z
  .object({
    level: z.number(),
    marker: z.string(),
    heading: z.string(),
    path: z.string(),
    kinds: z.array(z.string()),
    get children() {
      return z.array(ImportedHeading);
    },
  })
  .openapi('ImportedReportHeading');
interface ImportedHeadingShape {
  level: number;
  marker: string;
  heading: string;
  path: string;
  kinds: string[];
  children: ImportedHeadingShape[];
}

export const ImportOutline = z.object({
  title: z.string().nullable(),
  preamble: z.array(Paragraph),
  sections: z.array(ImportedSection),
  /** Text after the last section that ends the report ("以上述职，请予评议。"). */
  closing: z.array(Paragraph).optional(),
  headings: z.array(ImportedHeading),
  numbers: z.array(
    z.object({
      raw: z.string(),
      value: z.number().nullable(),
      valueMax: z.number().nullable(),
      unit: z.string(),
      approx: z.string().nullable(),
      subject: z.string(),
      sectionPath: z.string(),
      offset: z.number(),
      placeholder: z.boolean(),
    }),
  ),
  placeholders: z.array(
    z.object({
      token: z.string(),
      kind: z.string(),
      offset: z.number(),
      sectionPath: z.string(),
      context: z.string(),
    }),
  ),
  /** Single `*` hiding a name or place (脱敏), not a gap; absent in imports before 2025-12. */
  redactions: z
    .array(
      z.object({
        token: z.string(),
        offset: z.number(),
        sectionPath: z.string(),
        context: z.string(),
      }),
    )
    .optional(),
});

const PastSide = z.object({
  path: z.string(),
  marker: z.string(),
  heading: z.string(),
  level: z.number(),
  numbers: z.array(
    z.object({
      raw: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      subject: z.string(),
      placeholder: z.boolean(),
    }),
  ),
  placeholders: z.array(z.object({ token: z.string(), context: z.string() })),
});
const DraftSide = z.object({
  sectionId: z.string().nullable(),
  marker: z.string(),
  heading: z.string(),
  level: z.number(),
  chips: z.array(
    z.object({
      display: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      metricId: z.string(),
      subject: z.string(),
    }),
  ),
});

/** One 一、 of each side (either may be missing), its （一） folded in, the numbers paired. */
const AlignedRow = z.object({
  imported: PastSide.extend({ subsections: z.array(PastSide) }).nullable(),
  draft: DraftSide.extend({ subsections: z.array(DraftSide) }).nullable(),
  score: z.number(),
  numbers: z.array(
    z.object({
      past: z
        .object({
          raw: z.string(),
          value: z.number().nullable(),
          unit: z.string(),
          subject: z.string(),
          placeholder: z.boolean(),
          section: z.string(),
        })
        .nullable(),
      current: z
        .object({
          display: z.string(),
          value: z.number().nullable(),
          unit: z.string(),
          subject: z.string(),
          section: z.string(),
        })
        .nullable(),
    }),
  ),
});

/** Per report part (学/职/廉/法/不足/打算): what last year's report said next to the draft. */
const PartRow = z.object({
  kind: z.string(),
  imported: z.object({
    headings: z.array(z.string()),
    subheadings: z.array(z.string()),
    chars: z.number(),
    numbers: z.array(
      z.object({
        raw: z.string(),
        value: z.number().nullable(),
        unit: z.string(),
        subject: z.string(),
      }),
    ),
    placeholders: z.number(),
  }),
  draft: z.object({
    headings: z.array(z.string()),
    chars: z.number(),
    numbers: z.array(
      z.object({
        display: z.string(),
        value: z.number().nullable(),
        unit: z.string(),
        metricId: z.string(),
      }),
    ),
  }),
});

export const ReportComparison = z
  .object({
    importId: z.string(),
    reportId: z.string(),
    importedTitle: z.string().nullable(),
    rows: z.array(PartRow),
    aligned: z.array(AlignedRow),
  })
  .openapi('ReportComparison');
