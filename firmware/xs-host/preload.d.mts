// Types of preload.mjs for the TypeScript tests (test/engines/xs-board.test.ts).
export interface XslReport {
  warnings: { where: string; kind: string }[];
  errors: string[];
  counts: { [kind: string]: number };
  summary: string;
}
export function readXslOutput(text: string): XslReport;
export function checkBudget(root: string, budgetFile: string, counts: { [kind: string]: number }, reportFile: string): void;
