// GET /api/v1/instance/rules
import type { RouteGroup } from '../../../routes.ts';
import { listInstanceRules } from '../../../../db/repos/instance.ts';
import { serializeRule } from '../../../../serializers/rule.ts';

export const instanceRulesRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/instance/rules', { config: { auth: { mode: 'none' } } }, async () => {
    return (await listInstanceRules(ctx.db)).map(serializeRule);
  });
};
