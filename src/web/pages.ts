// The web pages a person opens in a browser: the try-it page at / (TRY_PAGE, on by default) and the operator's
// console at /console (only when CONSOLE_TOKEN is set), with their style sheet and script.
import type { FastifyInstance } from 'fastify';
import type { ChannelStatus } from '../channels/clients.ts';
import type { Config } from '../config.ts';
import type { Consultant } from '../consult/api.ts';
import type { Runtime } from '../infra/runtime.ts';
import type { Article } from '../knowledge/articles.ts';
import { loadBrands } from '../knowledge/brands.ts';
import type { Offer } from '../offers/offers.ts';
import { tipTrendSources } from '../stats/trends.ts';
import { assetRoutes } from './assets.ts';
import { consoleRoutes } from './console-route.ts';
import { tryRoutes } from './try-route.ts';

export interface WebPagesOptions {
  config: Config;
  consultant: Consultant;
  runtime: Runtime<unknown>;
  channels: ChannelStatus;
  articles: readonly Article[];
  offers: readonly Offer[];
}

export async function webPages(app: FastifyInstance, o: WebPagesOptions): Promise<void> {
  const { config, runtime } = o;
  if (!config.TRY_PAGE && config.CONSOLE_TOKEN === undefined) return;
  await app.register(assetRoutes);
  if (config.TRY_PAGE) {
    await app.register(tryRoutes, {
      consultant: o.consultant,
      store: runtime.store,
      ids: runtime.ids,
      perHour: config.TRY_PAGE_PER_HOUR,
      countInTrends: config.TRY_PAGE_IN_TRENDS,
      tz: config.TZ,
    });
  }
  if (config.CONSOLE_TOKEN !== undefined) {
    await app.register(consoleRoutes, {
      token: config.CONSOLE_TOKEN,
      ids: runtime.ids,
      prices: {
        ...(config.LLM_PRICE_PER_1K_INPUT_TOKENS !== undefined
          ? { inputPer1k: config.LLM_PRICE_PER_1K_INPUT_TOKENS }
          : {}),
        ...(config.LLM_PRICE_PER_1K_OUTPUT_TOKENS !== undefined
          ? { outputPer1k: config.LLM_PRICE_PER_1K_OUTPUT_TOKENS }
          : {}),
      },
      sources: {
        store: runtime.store,
        queue: runtime.queue,
        metrics: runtime.metrics,
        channels: o.channels,
        articles: o.articles,
        offers: o.offers,
        brandNames: Object.fromEntries(loadBrands().map((b) => [b.id, b.name.en])),
        ...(config.PUBLIC_BASE_URL ? { baseUrl: config.PUBLIC_BASE_URL } : {}),
        ...(config.OPENAI_API_KEY ? { llmModel: config.LLM_MODEL } : {}),
        tipSources: tipTrendSources(config),
        tz: config.TZ,
      },
    });
  }
}
