/**
 * Demo data for `npm run dev` on the embedded database: one user per role, printed at
 * start, and demo cases sent through the real webhook route by the simulator.
 */
import type { Logger } from './types';

export type DemoApi = { url: string; close: () => Promise<void> } | null;

export async function prepareDemo(env: NodeJS.ProcessEnv, log: Logger): Promise<DemoApi> {
  void env;
  void log;
  return null;
}

export async function loadDemoCases(env: NodeJS.ProcessEnv, port: number, api: DemoApi, log: Logger) {
  void env;
  void port;
  void api;
  void log;
}
