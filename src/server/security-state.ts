/**
 * Per-app security state: the rate limiters, the log of refused attempts
 * and the testimony keyring. One
 * per opened Services, shared by the middleware and the routes.
 */
import type { Services } from '../services.ts';
import type { SecuritySettings } from '../config/settings.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import type { Keyring } from '../testimony/keyring.ts';
import { RefusalLog } from '../audit/refusals.ts';

export interface SecurityState {
  security: SecuritySettings;
  keyring: Keyring | null;
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
    s = {
      security,
      keyring: services.keyring,
      byAddress: new RateLimiter(security.addressRate),
      byAccount: new RateLimiter(security.accountRate),
      logins: new RateLimiter({ rate: login.rate / 60, burst: login.burst }),
      refusals: new RefusalLog(services.db, security.refusedRate),
    };
    states.set(services, s);
  }
  return s;
}
