/**
 * @module adapters/reports/monthly-letter/template
 * The office's text blocks are templates with `{placeholder}` fields; chiso fills every field
 * with its own numbers and wording. A field the template does not know is an error, found when
 * the profile is read (see `profile.ts`), never a silent blank in a signed letter.
 */

const FIELD = /\{([A-Za-z][A-Za-z0-9]*)\}/g

/** Names of the fields a template uses, in order of first appearance. */
export function fieldsOf(template: string): string[] {
  const out: string[] = []
  for (const m of template.matchAll(FIELD)) if (!out.includes(m[1])) out.push(m[1])
  return out
}

/** A field without a value when a template is filled (a bug: the profile check lets none through). */
export class TemplateFieldError extends Error {
  constructor(readonly field: string, readonly template: string) {
    super(`Mẫu câu "${template}" dùng trường {${field}} nhưng chiso không có giá trị cho trường này.`)
    this.name = 'TemplateFieldError'
  }
}

/**
 * Fill a template: every `{name}` is replaced by `values[name]`.
 * @throws TemplateFieldError when a field has no value.
 * @example fillTemplate('Tổng điểm {total}/{max}', { total: '82,50', max: '100' }) // 'Tổng điểm 82,50/100'
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(FIELD, (_, name: string) => {
    const v = values[name]
    if (v === undefined) throw new TemplateFieldError(name, template)
    return v
  })
}
