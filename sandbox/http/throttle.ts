import { detailError } from './errors.ts';
import type { ApiError } from './errors.ts';

const DURATIONS: Record<string, number> = {
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hour: 3600,
  d: 86400,
  day: 86400,
};

export interface ThrottleRate {
  requests: number;
  seconds: number;
}

/** DRF rate syntax: `550/minute`, `10/second`, `1000/hour` (also `/s`, `/m`, `/h`, `/day`). */
export function parseRate(text: string): ThrottleRate {
  const match = /^\s*(\d+)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  const seconds = match ? DURATIONS[(match[2] as string).toLowerCase()] : undefined;
  if (!match || seconds === undefined || Number(match[1]) <= 0) {
    throw new Error(
      `Invalid throttle rate "${text}": expected N/second, N/minute or N/hour (e.g. 550/minute)`,
    );
  }
  return { requests: Number(match[1]), seconds };
}

/** DRF SimpleRateThrottle: a sliding window of request times per key (user id, else client IP). */
export class Throttle {
  private readonly history = new Map<string, number[]>();

  constructor(
    private readonly rate: ThrottleRate,
    private readonly now: () => number = () => Date.now() / 1000,
  ) {}

  /** Records the request, or returns the 429 error when the key is over its rate. */
  check(key: string): ApiError | undefined {
    const now = this.now();
    const times = (this.history.get(key) ?? []).filter((t) => t > now - this.rate.seconds);
    if (times.length >= this.rate.requests) {
      this.history.set(key, times);
      const oldest = times[0] as number;
      const wait = Math.max(1, Math.ceil(this.rate.seconds - (now - oldest)));
      const unit = wait === 1 ? 'second' : 'seconds';
      return detailError(429, `Request was throttled. Expected available in ${wait} ${unit}.`, {
        'retry-after': String(wait),
      });
    }
    times.push(now);
    this.history.set(key, times);
    return undefined;
  }
}

export function clientIp(request: Request): string {
  return (
    request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ||
    request.headers.get('x-real-ip') ||
    'local'
  );
}
