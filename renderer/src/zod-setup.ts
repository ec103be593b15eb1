// zod probes for eval support with Function(''), which our CSP (no 'unsafe-eval') reports as a violation.
// Jitless mode skips the probe; validation stays the same.
import { z } from 'zod';

z.config({ jitless: true });
