import type { JobRow } from '@jinliu/db';
import type { JobHandler } from './job-runner.ts';
import type { MerchantHttp } from './safe-http.ts';

/** Calls the merchant's confirmUrl (GET, transactionId and orderId appended); any 2xx is delivered. */
export function confirmCallbackHandler(http: MerchantHttp): JobHandler {
  return async (job: JobRow) => {
    const { url } = job.payload as { url: string };
    const res = await http.get(url);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`merchant answered HTTP ${res.status}`);
    }
  };
}
