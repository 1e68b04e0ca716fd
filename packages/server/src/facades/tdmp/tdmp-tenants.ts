import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  readWorkspaceDetails,
  updateWorkspaceSettings,
  type WorkspaceDetails,
} from '@allot/use-cases';
import { Type } from 'typebox';
import { contextOf } from '../../app-context.js';
import { audit } from '../../audit.js';
import { tdmpCaller } from './tdmp-auth.js';

const TenantParams = Type.Object({
  tenant_id: Type.String({ minLength: 1, maxLength: 64 }),
});

function tenantView(tenant: WorkspaceDetails) {
  return {
    tenant_id: tenant.id,
    name: tenant.name,
    settings: tenant.settings,
    created_at: tenant.createdAt,
    updated_at: tenant.updatedAt,
  };
}

/** The caller's tenant, and any tenant for a SuperUser (read and update its settings). */
export const tdmpTenantRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hide = true;
  const { store, clock } = contextOf(app);

  app.get('/tenants', { config: { role: 'viewer' }, schema: { hide } }, async (request) =>
    tenantView(await readWorkspaceDetails(store, tdmpCaller(request).workspace)),
  );

  app.get(
    '/tenants/:tenant_id',
    { config: { role: 'admin', superUser: true }, schema: { hide, params: TenantParams } },
    async (request) => tenantView(await readWorkspaceDetails(store, request.params.tenant_id)),
  );

  app.put(
    '/tenants/:tenant_id',
    {
      config: { role: 'admin', superUser: true },
      schema: {
        hide,
        params: TenantParams,
        body: Type.Object({
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          settings: Type.Optional(
            Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Type.Unknown(), {
              maxProperties: 100,
            }),
          ),
        }),
      },
    },
    async (request) => {
      const caller = tdmpCaller(request);
      const updated = await updateWorkspaceSettings(
        store,
        { id: request.params.tenant_id, actor: caller.actor },
        request.body,
        clock(),
      );
      await audit(app, request, 'tenant.update', `tenant:${updated.id}`, {
        changed: Object.keys(request.body).sort(),
      });
      return tenantView(updated);
    },
  );
};
