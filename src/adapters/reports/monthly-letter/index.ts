/**
 * @module adapters/reports/monthly-letter
 * The monthly letter (công văn) announcing a unit's Bộ chỉ số result, with its appendix, as
 * DOCX, PDF and XLSX. See `docs/letter.md`.
 */
// Office profile: reading, validation, the demo example.
export * from './profile.js'
// The numbers of a letter: chiso's or the portal's.
export * from './snapshot.js'
export * from './portal-snapshot.js'
export * from './sources.js'
// The structured letter, and its wording helpers.
export * from './letter-model.js'
export * from './template.js'
export * from './vn-text.js'
// Renderers and output.
export * from './docx.js'
export * from './xlsx.js'
export * from './pdf.js'
export * from './write-files.js'
