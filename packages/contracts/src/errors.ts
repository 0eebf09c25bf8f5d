/**
 * Every refusal the API can give, with its HTTP status and a message a bureau clerk
 * understands in both languages. Routes throw `AppError(code, details?)`; one handler
 * maps it to `{ error: { code, message, details } }` (docs/decisions/0004-api-conventions.md).
 */
export type ErrorDef = { status: number; zh: string; en: string };

export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid; see details' },
  NOT_FOUND: { status: 404, zh: '找不到该对象或地址', en: 'Not found' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方式', en: 'Method not allowed' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试或联系管理员', en: 'Internal error; try again later or contact the administrator' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'Upload too large' },

  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: { status: 423, zh: '连续登录失败次数过多，账号已暂时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Please change your initial password first' },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_POLICY: { status: 400, zh: '新密码不符合密码规则', en: 'The new password does not meet the password rules' },
  CSRF_REJECTED: { status: 403, zh: '请求来源不被信任（跨站请求已拒绝）', en: 'Request origin not trusted (cross-site request refused)' },
  FORBIDDEN: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },

  ORG_CODE_TAKEN: { status: 409, zh: '机构代码已被使用', en: 'This organisation code is already in use' },
  ORG_INVALID_PARENT: { status: 400, zh: '上级机构不符合机构层级', en: 'The parent does not fit the organisation hierarchy' },
  ORG_INACTIVE: { status: 409, zh: '机构已停用', en: 'The organisation is deactivated' },
  ORG_HAS_ACTIVE_CHILDREN: { status: 409, zh: '该机构下仍有启用的下属机构，不能停用', en: 'The organisation still has active children and cannot be deactivated' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有错误行，未写入任何数据', en: 'The file has invalid rows; nothing was written' },
  IMPORT_UNREADABLE: { status: 400, zh: '无法读取上传的文件，请使用下载的 Excel 模板', en: 'The uploaded file cannot be read; use the downloaded Excel template' },

  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is already taken' },
  ROLE_NOT_FOR_ORG: { status: 400, zh: '该角色不适用于所选机构类型', en: 'This role does not fit the kind of organisation' },
  USER_CANNOT_CHANGE_SELF: { status: 409, zh: '不能停用自己或更改自己的角色', en: 'You cannot deactivate yourself or change your own role' },

  CAMPAIGN_EXISTS: { status: 409, zh: '该区本年度的招生活动已存在', en: 'This district already has a campaign for that year' },
  CAMPAIGN_SETTINGS_INVALID: { status: 400, zh: '招生活动设置不一致', en: 'The campaign settings are inconsistent' },
  DEMO_ONLY: { status: 409, zh: '仅演示模式可用', en: 'Only available in demo mode' },
} as const satisfies Record<string, ErrorDef>;

export type ErrorCode = keyof typeof errorCatalog;

export type Locale = 'zh-CN' | 'en-US';

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const def = errorCatalog[code];
  return locale === 'en-US' ? def.en : def.zh;
}

/** The one error envelope of the API. */
export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
};
