import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../../application/access/access-errors';
import { isPermission, roleMay } from '../../application/access/access-policy';
import { PERMISSION_KEY, PUBLIC_KEY, TENANCY_KEY, type Tenancy } from '../http/shared/permission.decorator';
import { scopeQuery } from '../../application/access/tenancy';
import { authenticationOf } from './http-authentication';

type RouteRules = Readonly<{ isPublic: boolean; permission: unknown; tenancy: Tenancy | undefined }>;

/**
 * Every route: authenticated (401), allowed for the role by its permission (403), and for lists and KPIs
 * held to the principal's dealer. A route that names no permission is refused for everyone: forgetting
 * the decorator must not open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** What each route's decorators say (by controller, then handler), read once: they do not change. */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRules>>();

  constructor(private readonly reflector: Reflector) {}

  private rulesOf(context: ExecutionContext): RouteRules {
    const handler = context.getHandler();
    const controller = context.getClass();
    let ofController = this.rules.get(controller);
    if (!ofController) this.rules.set(controller, (ofController = new WeakMap()));
    let rules = ofController.get(handler);
    if (!rules) {
      const targets = [handler, controller];
      rules = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        permission: this.reflector.getAllAndOverride<unknown>(PERMISSION_KEY, targets),
        tenancy: this.reflector.getAllAndOverride<Tenancy | undefined>(TENANCY_KEY, targets),
      };
      ofController.set(handler, rules);
    }
    return rules;
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const rules = this.rulesOf(context);
    if (rules.isPublic) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const outcome = authenticationOf(request);
    if (outcome && 'failed' in outcome) throw outcome.failed;
    if (!outcome || 'refused' in outcome) {
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      void reply.header('www-authenticate', 'Bearer realm="dealer-crm"');
      throw outcome && 'refused' in outcome
        ? outcome.refused
        : unauthenticated('CREDENTIAL_MISSING', 'send Authorization: Bearer <API key or token>');
    }
    const { principal } = outcome;
    const permission = rules.permission;
    if (!isPermission(permission))
      throw forbidden(
        'ROUTE_WITHOUT_PERMISSION',
        `${request.method} ${request.routeOptions.url ?? request.url} names no permission, so nobody may call it: report this`,
      );
    if (!roleMay(principal.role, permission))
      throw forbidden('ROLE_FORBIDDEN', `role ${principal.role} lacks permission ${permission}`, {
        permission,
        role: principal.role,
      });
    const tenancy = rules.tenancy;
    if (tenancy === 'dealer-in-body') {
      // A body that is no object is refused by validation next; there is no dealer to scope in it.
      const body: unknown = request.body;
      if (typeof body === 'object' && body !== null && !Array.isArray(body))
        scopeQuery(principal, tenancy, body as Record<string, unknown>);
    } else if (tenancy) scopeQuery(principal, tenancy, (request.query ?? {}) as Record<string, unknown>);
    return true;
  }
}
