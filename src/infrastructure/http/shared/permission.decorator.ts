import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ACCESS_POLICY, type Permission } from '../../../application/access/access-policy';
import type { Tenancy } from '../../../application/access/tenancy';

export type { Tenancy } from '../../../application/access/tenancy';
import { RecordVisibilityInterceptor } from './record-visibility.interceptor';

export const PERMISSION_KEY = 'access:permission';
export const TENANCY_KEY = 'access:tenancy';
export const PUBLIC_KEY = 'access:public';

export const BEARER_SCHEME = 'bearer';

/**
 * Names the permission a route needs. A route without it is refused for everyone (fail closed), and a
 * unit test lists every route of the app to make sure none lacks one.
 */
export const Permit = (permission: Permission, tenancy?: Tenancy, forbidden?: string) =>
  applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ...(tenancy ? [SetMetadata(TENANCY_KEY, tenancy)] : []),
    ...(tenancy === 'record' ? [UseInterceptors(RecordVisibilityInterceptor)] : []),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({
      description:
        'CREDENTIAL_MISSING, CREDENTIAL_MALFORMED, CREDENTIAL_UNKNOWN, CREDENTIAL_INVALID, CREDENTIAL_EXPIRED, CREDENTIAL_REVOKED',
    }),
    ApiForbiddenResponse({
      description: `ROLE_FORBIDDEN (permission \`${permission}\`: ${ACCESS_POLICY[permission].join(', ')}), DEALER_FORBIDDEN, OWNER_FORBIDDEN${forbidden ? `, ${forbidden}` : ''}`,
    }),
    ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS: wait for Retry-After seconds' }),
  );

/** A route anyone may call without a credential (only /health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
