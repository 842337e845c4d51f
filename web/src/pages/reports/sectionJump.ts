/** Each section of the report paper has a DOM id; the outline, 检查 and chip edits scroll to it. */
export const sectionDomId = (id: string) => `report-sec-${id}`;

export const jumpToSection = (sectionId: string) =>
  document
    .getElementById(sectionDomId(sectionId))
    ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
