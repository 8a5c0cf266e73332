/**
 * Accounts from the command line: the only way to make the first admin
 * (room39 has no default account or password). Passwords are read from the
 * terminal without echo, or from the first line of stdin (--password-stdin),
 * never from an argument (it would sit in the shell history and process list).
 */
import { osUserActor } from '../../audit/doors.ts';
import { randomBytes } from 'node:crypto';
import { optString, UsageError, type CliCommand, type CliContext } from '../command.ts';
import { table } from '../table.ts';
import {
  createApiToken, createUser, disableUser, enableUser, listApiTokens, listUsers, revokeApiToken, setPassword, setRole,
} from '../../auth/service.ts';
import { ROLE_SUMMARY, ROLES } from '../../auth/roles.ts';

/** The operator at the command line, as the audit trail names them (src/audit/doors.ts). */
export const cliActor = () => osUserActor();

async function readLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The new password: generated, from stdin, or typed twice at the terminal. */
async function newPassword(ctx: CliContext): Promise<{ password: string; generated: boolean }> {
  if (ctx.args.values['generate-password'] === true) return { password: randomBytes(18).toString('base64url'), generated: true };
  if (ctx.args.values['password-stdin'] === true || !process.stdin.isTTY) return { password: await readLine(), generated: false };
  const first = await promptHidden('New password (12 characters or more): ');
  const second = await promptHidden('Again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return { password: first, generated: false };
}

const USAGE = [
  'user add NAME --role viewer|analyst|editor|admin [--password-stdin | --generate-password]',
  '       user list',
  '       user disable NAME | user enable NAME',
  '       user role NAME ROLE',
  '       user password NAME [--password-stdin | --generate-password]',
  '       user token NAME [--label TEXT]        (prints a new API token once)',
  '       user token NAME --list | user token --revoke TOKEN_ID',
].join('\n');

export const userCommand: CliCommand = {
  name: 'user',
  summary: 'Manage accounts and API tokens (add the first admin here: there is no default account).',
  usage: USAGE,
  options: {
    role: { type: 'string' },
    label: { type: 'string' },
    list: { type: 'boolean', default: false },
    revoke: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'generate-password': { type: 'boolean', default: false },
  },
  async run(ctx) {
    const [action, name, extra] = ctx.args.positionals;
    const actor = cliActor();
    const need = (what: string | undefined, hint: string) => {
      if (!what) throw new UsageError(hint);
      return what;
    };
    switch (action) {
      case 'add': {
        const username = need(name, 'give the account name, e.g. room39 user add alice --role admin');
        const role = need(optString(ctx.args, 'role') ?? undefined, `give --role: ${ROLES.map((r) => `${r} (${ROLE_SUMMARY[r]})`).join('; ')}`);
        const { password, generated } = await newPassword(ctx);
        const { db } = await ctx.services();
        const user = await createUser(db, { username, role, password }, actor);
        return {
          json: { user, ...(generated ? { password } : {}) },
          text: `Made ${user.role} account ${user.username}.${generated ? `\nIts password (shown once): ${password}` : ''}`,
        };
      }
      case 'list': {
        const { db } = await ctx.services();
        const users = await listUsers(db);
        return {
          json: { users },
          text: users.length
            ? table(['username', 'role', 'state', 'created'], users.map((u) => [u.username, u.role, u.disabled ? 'disabled' : u.locked_until && new Date(u.locked_until) > new Date() ? 'locked' : 'active', u.created_at.slice(0, 10)]))
            : 'No accounts yet. Make the first admin: room39 user add NAME --role admin',
        };
      }
      case 'disable':
      case 'enable': {
        const username = need(name, `give the account name, e.g. room39 user ${action} alice`);
        const { db } = await ctx.services();
        const user = action === 'disable' ? await disableUser(db, username, actor) : await enableUser(db, username, actor);
        return { json: { user }, text: `${user.username} is ${user.disabled ? 'disabled: its sessions ended and its API tokens were revoked' : 'enabled'}.` };
      }
      case 'role': {
        const username = need(name, 'give the account name and role, e.g. room39 user role alice editor');
        const role = need(extra ?? optString(ctx.args, 'role') ?? undefined, 'give the new role: viewer, analyst, editor or admin');
        const { db } = await ctx.services();
        const user = await setRole(db, username, role, null, actor);
        return { json: { user }, text: `${user.username} is now ${user.role} (signed out of every session).` };
      }
      case 'password': {
        const username = need(name, 'give the account name, e.g. room39 user password alice');
        const { password, generated } = await newPassword(ctx);
        const { db } = await ctx.services();
        await setPassword(db, username, password, actor);
        return { json: { username, changed: true, ...(generated ? { password } : {}) }, text: `Password of ${username} changed; its sessions ended.${generated ? `\nNew password (shown once): ${password}` : ''}` };
      }
      case 'token': {
        const { db } = await ctx.services();
        const revoke = optString(ctx.args, 'revoke');
        if (revoke) {
          await revokeApiToken(db, revoke, actor);
          return { json: { revoked: revoke }, text: `Token ${revoke} revoked.` };
        }
        const username = need(name, 'give the account name, e.g. room39 user token screening-bot --label "ERP screening"');
        if (ctx.args.values.list === true) {
          const tokens = await listApiTokens(db, username);
          return { json: { tokens }, text: tokens.length ? table(['id', 'label', 'created', 'last used', 'state'], tokens.map((t) => [t.id, t.label, t.created_at.slice(0, 10), t.last_used_at?.slice(0, 16) ?? '-', t.revoked ? 'revoked' : 'active'])) : `${username} has no API tokens.` };
        }
        const { token, view } = await createApiToken(db, username, optString(ctx.args, 'label') ?? 'api token', actor);
        return {
          json: { token, ...view },
          text: `API token for ${view.username} (id ${view.id}); shown once, store it now:\n${token}\nUse it as: Authorization: Bearer <token>`,
        };
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'give an action: add, list, disable, enable, role, password or token');
    }
  },
};
