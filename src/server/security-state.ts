/**
 * Per-app security state: the rate limiters, the log of refused attempts
 * and the testimony keyring, kept live (testimony/keyring.ts `LiveKeyring`:
 * a changed key file is taken up, a rotation through the local socket makes
 * its key current). One per opened Services, shared by the middleware, the
 * routes and the local socket.
 */
import type { Services } from '../services.ts';
import type { SecuritySettings } from '../config/settings.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { LiveKeyring, type Keyring } from '../testimony/keyring.ts';
import { serverLog } from './log.ts';
import { RefusalLog } from '../audit/refusals.ts';

export interface SecurityState {
  security: SecuritySettings;
  /** The testimony keyring as it is now (read live: see LiveKeyring.view), or null when none is configured. */
  readonly keyring: Keyring | null;
  keys: LiveKeyring;
  byAddress: RateLimiter;
  byAccount: RateLimiter;
  logins: RateLimiter;
  /** Refused attempts at protected paths: recorded one by one up to a rate per address, then counted (src/audit/refusals.ts). */
  refusals: RefusalLog;
}

const states = new WeakMap<Services, SecurityState>();

export function securityState(services: Services): SecurityState {
  let s = states.get(services);
  if (!s) {
    const security = services.settings.security;
    const login = security.loginRatePerMinute;
    const keys = new LiveKeyring(services.keyring, security, (m) => serverLog().warn(m));
    s = {
      security,
      get keyring() { return keys.view(); },
      keys,
      byAddress: new RateLimiter(security.addressRate),
      byAccount: new RateLimiter(security.accountRate),
      logins: new RateLimiter({ rate: login.rate / 60, burst: login.burst }),
      refusals: new RefusalLog(services.db, security.refusedRate),
    };
    states.set(services, s);
  }
  return s;
}
