/**
 * @module adapters/reports
 * Documents chiso produces for an office. One folder per report.
 */
// Monthly letter (công văn) and its appendix: DOCX, PDF, XLSX.
export * from './monthly-letter/index.js'
