import type { RouteGroup } from '../routes.ts';
import { appShellRoutes } from './app-shell.ts';
import { applicationsRoutes } from './applications.ts';
import { confirmationRoutes } from './confirmation.ts';
import { homeRoutes } from './home.ts';
import { passwordResetRoutes } from './password-reset.ts';
import { publicPagesRoutes } from './public-pages.ts';
import { setupRoutes } from './setup.ts';
import { signInRoutes } from './sign-in.ts';
import { signUpRoutes } from './sign-up.ts';
import { transparencyRoutes } from './transparency.ts';
import { childSafetyRoutes } from './child-safety.ts';
import { proofOfWorkPageRoutes } from './proof-of-work-page.ts';
import { proofOfWorkFormRoutes } from './proof-of-work-form.ts';

export const webRoutes: RouteGroup = async (app, ctx) => {
  for (const route of [homeRoutes, publicPagesRoutes, signInRoutes, signUpRoutes, confirmationRoutes, applicationsRoutes, setupRoutes, passwordResetRoutes, transparencyRoutes, childSafetyRoutes, proofOfWorkPageRoutes, proofOfWorkFormRoutes, appShellRoutes]) await route(app, ctx);
};
