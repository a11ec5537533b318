/**
 * The admin CLI's command groups, one line each. To add a group, write
 * scripts/admin/<group>.ts with `export default defineCommands([...])` and add its line.
 */
export { default as users } from './users';
export { default as tokens } from './tokens';
export { default as events } from './events';
export { default as debitura } from './debitura';
