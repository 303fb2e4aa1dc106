// Every route group of the server. Each group's index registers its endpoint files.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { appsRoutes } from './api/v1/apps/index.ts';

export type RouteGroup = (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;

const groups: RouteGroup[] = [appsRoutes];

export async function registerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const group of groups) await group(app, ctx);
}
