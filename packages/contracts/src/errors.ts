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
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: { status: 423, zh: '连续登录失败次数过多，账号已暂时锁定', en: 'Too many failed sign-ins; the account is locked for a while' },
  AUTH_ACCOUNT_DISABLED: { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  AUTH_SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Please change your initial password first' },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_POLICY: { status: 400, zh: '新密码不符合密码规则', en: 'The new password does not meet the password rules' },
  CSRF_REJECTED: { status: 403, zh: '请求来源不被信任（跨站请求已拒绝）', en: 'Request origin not trusted (cross-site request refused)' },
  CONFLICT_DUPLICATE: { status: 409, zh: '该记录已存在（可能是重复提交），请刷新后查看', en: 'This record already exists (perhaps a repeated submission); reload to see it' },
  FORBIDDEN: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },

  ORG_CODE_TAKEN: { status: 409, zh: '机构代码已被使用', en: 'This organisation code is already in use' },
  ORG_INVALID_PARENT: { status: 400, zh: '上级机构不符合机构层级', en: 'The parent does not fit the organisation hierarchy' },
  ORG_MASTER_DATA_BY_BUREAU: { status: 403, zh: '学校名称、办学性质等基本信息由主管教育局修改，学校只能修改地址和联系人', en: 'The supervising bureau changes a school\'s name and ownership; the school keeps its address and contacts' },
  ORG_INACTIVE: { status: 409, zh: '机构已停用', en: 'The organisation is deactivated' },
  ORG_HAS_ACTIVE_CHILDREN: { status: 409, zh: '该机构下仍有启用的下属机构，不能停用', en: 'The organisation still has active children and cannot be deactivated' },
  IMPORT_INVALID: { status: 422, zh: '导入文件有错误行，未写入任何数据', en: 'The file has invalid rows; nothing was written' },
  IMPORT_TOO_LARGE: { status: 413, zh: '导入文件超出上限（行数、单元格或解压后大小），未写入任何数据；请拆分文件后再导入', en: 'The file is beyond a limit (rows, cells or size once unzipped); nothing was written — split it and import again' },
  IMPORT_BUSY: { status: 409, zh: '您已有一个导入正在进行，请等它完成后再导入', en: 'You already have an import in progress; wait for it to finish' },
  IMPORT_UNREADABLE: { status: 400, zh: '无法读取上传的文件，请使用下载的 Excel 模板', en: 'The uploaded file cannot be read; use the downloaded Excel template' },

  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用', en: 'This username is already taken' },
  ROLE_NOT_FOR_ORG: { status: 400, zh: '该角色不适用于所选机构类型', en: 'This role does not fit the kind of organisation' },
  USER_CANNOT_CHANGE_SELF: { status: 409, zh: '不能停用自己或更改自己的角色', en: 'You cannot deactivate yourself or change your own role' },

  CAMPAIGN_EXISTS: { status: 409, zh: '该区本年度的招生活动已存在', en: 'This district already has a campaign for that year' },
  CAMPAIGN_SETTINGS_INVALID: { status: 400, zh: '招生活动设置不一致', en: 'The campaign settings are inconsistent' },
  DEMO_ONLY: { status: 409, zh: '仅演示模式可用', en: 'Only available in demo mode' },

  // Targets (R1, R2, R12). The split's own refusals (TARGETS_* of the domain) carry their
  // exact explanation in `details.explanation` ({ 'zh-CN', 'en-US' }).
  CAMPAIGN_SETTING_SET_BY_CITY: { status: 403, zh: '该设置由市教育局确定（职普比下限 R12、简章备案号格式 R7），区教育局不能修改', en: 'The city bureau sets this (the vocational share R12, the filing number pattern R7); a district cannot change it' },
  TARGETS_SET_BY_CITY: { status: 403, zh: '区目标 N_district、N_total 由市教育局下达，区教育局和学校不能修改（R1）', en: 'N_district and N_total are set by the city bureau; a district or school cannot change them (R1)' },
  TARGETS_NO_JUNIOR_HIGHS: { status: 409, zh: '本区没有启用的初中学校，无法分配送培目标（R2）', en: 'The district has no active junior highs to split the target across (R2)' },
  TARGETS_GRADUATES_MISSING: { status: 409, zh: '部分初中学校尚未填报应届毕业生数，请先补齐再分配（R2）', en: 'Some junior highs have no number of graduates yet; enter them before splitting (R2)' },
  TARGETS_UNKNOWN_JUNIOR_HIGH: { status: 400, zh: '所选学校不是本区启用的初中学校', en: 'That school is not an active junior high of this district' },
  TARGETS_NO_DRAFT: { status: 409, zh: '当前没有送培目标草稿，请先生成草稿', en: 'There is no draft of the targets; create one first' },
  TARGETS_DRAFT_INCOMPLETE: { status: 409, zh: '草稿不完整（缺少学校或合计不符），不能发布（R2）', en: 'The draft is incomplete (schools missing or the sum does not match) and cannot be published (R2)' },
  TARGETS_TOTAL_DIFFERS_FROM_CITY: { status: 409, zh: '草稿合计与市教育局下达的 N_total 不一致，请确认后再发布（R1）', en: "The draft's total differs from the city's N_total; confirm the difference to publish (R1)" },
  TARGETS_NOT_PUBLISHED: { status: 409, zh: '送培目标尚未发布', en: 'The targets have not been published yet' },
  TARGETS_INVALID_TOTAL: { status: 400, zh: '总目标必须是非负整数（R2）', en: 'The total must be a non-negative integer (R2)' },
  TARGETS_UNKNOWN_METHOD: { status: 400, zh: '未知的分配方法，可选最大余额法或圣拉格法（R2）', en: 'Unknown method: use hamilton or webster (R2)' },
  TARGETS_INVALID_SCHOOL_ID: { status: 400, zh: '学校编号无效（R2）', en: 'Invalid school id (R2)' },
  TARGETS_DUPLICATE_SCHOOL_ID: { status: 400, zh: '同一学校出现了不止一次（R2）', en: 'A school appears more than once (R2)' },
  TARGETS_INVALID_GRADUATES: { status: 400, zh: '应届毕业生数必须是非负整数（R2）', en: 'Graduates must be a non-negative integer (R2)' },
  TARGETS_INVALID_BOUND: { status: 400, zh: '上下限必须是非负整数（R2）', en: 'Bounds must be non-negative integers (R2)' },
  TARGETS_MIN_ABOVE_MAX: { status: 400, zh: '某校的下限大于上限（R2）', en: "A school's minimum is above its maximum (R2)" },
  TARGETS_MIN_SUM_ABOVE_TOTAL: { status: 409, zh: '各校下限之和超过总目标，无法分配（R2）', en: "The schools' minimums add up to more than the total (R2)" },
  TARGETS_NO_GRADUATES: { status: 409, zh: '所有学校的应届毕业生数都是 0，无法按比例分配（R2）', en: 'No school has any graduates, so the total cannot be split in proportion (R2)' },
  TARGETS_MAX_SUM_BELOW_TOTAL: { status: 409, zh: '各校上限之和不足总目标，无法分配（R2）', en: "The schools' maximums add up to less than the total (R2)" },
  TARGETS_UNKNOWN_SCHOOL: { status: 400, zh: '草稿中没有该学校（R2）', en: 'That school is not in the draft (R2)' },
  TARGETS_INVALID_TARGET: { status: 400, zh: '送培目标必须是非负整数（R2）', en: 'A target must be a non-negative integer (R2)' },
  TARGETS_TARGET_OUTSIDE_BOUNDS: { status: 409, zh: '新目标超出该校的上下限，请先修改上下限（R2）', en: "The new target is outside the school's bounds; change the bounds first (R2)" },
  TARGETS_CURRENT_SUM_MISMATCH: { status: 409, zh: '当前各校目标之和与总目标不符，请先重新分配（R2）', en: 'The current targets do not add up to the total; re-split first (R2)' },
  TARGETS_UNKNOWN_ADJUST_MODE: { status: 400, zh: '未知的调整方式（R2）', en: 'Unknown adjustment mode (R2)' },

  // Publicity (R3, R4, R6, R7): majors, planned seats, joint enrollments, brochures, verification.
  SCHOOL_NOT_QUALIFIED: { status: 409, zh: '该校不在本年度省级公布的具备招生资格学校名单内，不能招生、宣传或接收学生（R4）', en: 'The school is not on this year\'s provincial list of qualified schools: it cannot enroll, publicise or receive students (R4)' },
  MAJOR_CODE_TAKEN: { status: 409, zh: '该校已有相同代码的专业', en: 'The school already has a major with this code' },
  MAJOR_CAMPUS_INVALID: { status: 400, zh: '校区不属于该校，或不符合联合招生的校区安排（R3）', en: 'The campus is not the school\'s, or not the one the joint enrollment assigns (R3)' },
  PLANNED_SEATS_UNKNOWN_MAJOR: { status: 400, zh: '招生计划中有不属于本招生活动所在区学校的专业', en: 'Some majors of the plan are not majors of this campaign\'s schools' },
  ALLIANCE_INVALID: { status: 400, zh: '联合招生设置不完整或不一致（R3）', en: 'The joint enrollment is incomplete or inconsistent (R3)' },
  ALLIANCE_MEMBER_TAKEN: { status: 409, zh: '该校已参加另一个联合招生（R3）', en: 'The school already belongs to another joint enrollment (R3)' },
  BROCHURE_EXISTS: { status: 409, zh: '该校本年度已有招生简章，请在原简章上修改或发起新版本', en: 'The school already has a brochure for this campaign; edit it or start a new version' },
  BROCHURE_CAMPAIGN_MISMATCH: { status: 400, zh: '该招生活动不属于学校所在区', en: 'The campaign is not the one of the school\'s district' },
  BROCHURE_ILLEGAL_TRANSITION: { status: 409, zh: '招生简章当前状态不允许此操作（R7）', en: 'The brochure\'s state does not allow this step (R7)' },
  BROCHURE_NOT_YOUR_STEP: { status: 403, zh: '此步骤不由您的机构办理（R7：区属学校由区教育局审查，市属学校由市教育局审查，市教育局备案）', en: 'This step is not yours (R7: the district reviews district-run schools, the city city-run ones; the city files)' },
  BROCHURE_NOT_LATEST: { status: 409, zh: '已有更新的版本，请在最新版本上操作（R7）', en: 'A newer version exists; act on the latest version (R7)' },
  BROCHURE_FACTS_MISSING: { status: 409, zh: '招生简章缺少必须载明的事项，不能提交（R6）', en: 'The brochure lacks facts it must state and cannot be submitted (R6)' },
  BROCHURE_UNKNOWN_SECTION: { status: 400, zh: '意见针对的栏目不存在', en: 'A comment names a section the brochure does not have' },
  BROCHURE_NOT_FILED: { status: 404, zh: '该招生简章未经审查备案，不能公开（R7）', en: 'This brochure has not been reviewed and filed, so it is not public (R7)' },
  SIGNING_KEY_UNAVAILABLE: { status: 500, zh: '签名密钥无法解密，请检查 ZHIZHAO_KEY_SECRET 配置', en: 'The signing key cannot be decrypted; check ZHIZHAO_KEY_SECRET' },

  // Campus visits and permits (R9, R10, R19). A request's refusals all travel in
  // `details.refusals` ([{ code, rule, zh, en }]); the error's code is the first one.
  VISIT_BAD_TIME: { status: 400, zh: '时间有误：结束时间须晚于开始时间（同一天内）', en: 'Bad time: the end must be after the start, on the same day' },
  VISIT_NO_FILED_BROCHURE: { status: 409, zh: '须携带本校现行的、已审查备案的招生简章，方可进校宣传（R7、R9）', en: 'A visit hands out only the school\'s current reviewed and filed brochure (R7, R9)' },
  VISIT_OUTSIDE_WINDOW: { status: 409, zh: '不在本类学校的进校宣传时间内：区属学校4月20日至26日，市属学校4月27日至30日（以招生活动设置为准，R9）', en: 'Outside the visit window of this kind of school: district-run April 20–26, city-run April 27–30 (as the campaign sets them, R9)' },
  VISIT_TOO_LONG: { status: 409, zh: '每次进校宣传时间不得超过招生活动规定的时长（方案：2小时，R10）', en: 'A visit may not last longer than the campaign allows (plan: 2 hours, R10)' },
  VISIT_IN_PROTECTED_TIME: { status: 409, zh: '与初中学校设定的教学保护时段冲突，不得影响正常教学秩序（R10）', en: 'It falls in lesson time the junior high protects: teaching must not be disturbed (R10)' },
  VISIT_IN_PAST: { status: 409, zh: '进校宣传日期已过，不能申请或批准（R19）', en: 'The visit\'s date has passed (R19)' },
  VISIT_OUTSIDE_SCHOOL_DAY: { status: 409, zh: '进校宣传须在学校作息时间内（R10）', en: 'A visit falls within the school day (R10)' },
  VISIT_DUPLICATE: { status: 409, zh: '本校已有同一时段到该初中学校的进校宣传申请，请勿重复申请（R19）', en: 'The school already asked to visit this junior high at that time (R19)' },
  VISIT_OVERLAPS: { status: 409, zh: '与该初中学校已批准的其他进校宣传时间重叠', en: 'It overlaps another approved visit at this junior high' },
  VISIT_NOT_A_JUNIOR_HIGH: { status: 400, zh: '所选学校不是该招生活动所在区的初中学校（R19：进入本区初中学校须经区教育局批准）', en: 'That school is not a junior high of the campaign\'s district (R19: visits to the district\'s junior highs are approved by its bureau)' },
  VISIT_ILLEGAL_TRANSITION: { status: 409, zh: '进校宣传申请当前状态不允许此操作', en: 'The visit\'s current state does not allow this step' },
  VISIT_NO_PERMIT: { status: 409, zh: '该申请尚未获区教育局批准，没有批准手续（R19）', en: 'The visit has not been approved by the district bureau: there is no permit (R19)' },
  VISIT_CHECK_TIME: { status: 409, zh: '签到、签离时间有误：签到须在批准的日期和时段内（可提前30分钟），签离须晚于签到，且都不能晚于现在（R10）', en: 'Bad check-in or check-out time: check in on the approved day within the slot (30 minutes early at most), check out after checking in, neither in the future (R10)' },
  PROTECTED_PERIODS_INVALID: { status: 400, zh: '教学保护时段有误：须为初中学校设定，结束时间须晚于开始时间（R10）', en: 'Bad protected lesson time: only for a junior high, and each period must end after it starts (R10)' },
  VISIT_REPORT_INVALID: { status: 400, zh: '请选择被举报的学校，或填写学校（机构）名称（R19）', en: 'Choose the school reported, or type the name of the school or agency (R19)' },
  VISIT_REPORT_ILLEGAL_TRANSITION: { status: 409, zh: '该举报已受理，不能重复受理', en: 'This report has already been acknowledged' },

  // Applications (R5, R8, R11, R12, R21): students, guardians, social applicants, 志愿.
  STUDENT_EXAM_NO_TAKEN: { status: 409, zh: '中考报名号已被使用（同一招生活动内须唯一）', en: 'This exam registration number is already in use (unique within the campaign)' },
  STUDENT_ID_TAKEN: { status: 409, zh: '该证件号码已在本招生活动的名册中', en: 'This ID number is already on the campaign\'s roster' },
  STUDENT_ID_INVALID: { status: 400, zh: '居民身份证号码无效（GB 11643 校验码不符或格式错误）', en: 'Invalid resident ID number (GB 11643 check digit or format)' },
  STUDENT_NOT_A_JUNIOR_HIGH: { status: 400, zh: '所选学校不是本招生活动所在区启用的初中学校', en: 'That school is not an active junior high of the campaign\'s district' },
  STUDENT_TRANSFER_INVALID: { status: 409, zh: '转学无效：须转入本招生活动所在区的另一所初中学校', en: 'Invalid transfer: the student can move only to another junior high of the campaign\'s district' },
  STUDENT_NO_ACCOUNT: { status: 409, zh: '该学生尚无登录账号', en: 'This student has no account yet' },
  PII_KEY_MISSING: { status: 500, zh: '未配置个人信息加密密钥 ZHIZHAO_PII_KEY，不能保存学生的证件号码和电话', en: 'ZHIZHAO_PII_KEY is not set: ID numbers and phones cannot be stored' },
  APPLICATION_BOTH_TRACKS: { status: 409, zh: '普职不兼报：选择普通高中的学生不能同时填报中职志愿（R11）', en: 'General or vocational, never both: a general-high applicant cannot choose vocational programmes (R11)' },
  APPLICATION_TOO_MANY_CHOICES: { status: 409, zh: '中职志愿数超过本招生活动允许的个数（R11）', en: 'More vocational choices than the campaign allows (R11)' },
  APPLICATION_NO_CHOICES: { status: 409, zh: '选择中职须至少填报一个志愿（R11）', en: 'The vocational track needs at least one choice (R11)' },
  APPLICATION_DUPLICATE_CHOICE: { status: 409, zh: '同一专业不能重复填报（R11）', en: 'The same programme is chosen twice (R11)' },
  APPLICATION_UNKNOWN_PROGRAMME: { status: 409, zh: '所选专业不在本招生活动的招生计划内（R11）', en: 'A chosen programme is not in this campaign\'s plan (R11)' },
  APPLICATION_PROGRAMME_NOT_QUALIFIED: { status: 409, zh: '所选专业的学校不在本年度具备招生资格的学校名单内，不能填报（R4）', en: 'A chosen programme\'s school is not on this year\'s list of qualified schools (R4)' },
  APPLICATION_PROGRAMME_NOT_FILED: { status: 409, zh: '所选专业的学校没有经审查备案的招生简章，不能填报（R7）', en: 'A chosen programme\'s school has no reviewed and filed brochure (R7)' },
  APPLICATION_OUTSIDE_WINDOW: { status: 409, zh: '不在志愿填报时间内（以招生活动设置的志愿填报阶段为准，方案：4月至5月）', en: 'Outside the application window (the campaign\'s application phase; plan: April–May)' },
  APPLICATION_STALE: { status: 409, zh: '志愿已被修改，请查看最新内容后再确认', en: 'The application changed since you loaded it; review the latest version and confirm again' },
  APPLICATION_NOTHING_TO_CONFIRM: { status: 409, zh: '尚未选择升学方向，没有可确认的志愿', en: 'No track chosen yet: nothing to confirm' },
  APPLICATION_NOT_FOR_SOCIAL: { status: 409, zh: '社会人员只能报读中职（注册入学，R5）', en: 'Social applicants apply to vocational programmes only (R5)' },
  CONFLICT_ALREADY_RESOLVED: { status: 409, zh: '该重复报名已处理', en: 'This duplicate has already been resolved' },
  SOCIAL_ALREADY_DECIDED: { status: 409, zh: '该社会人员报名已处理', en: 'This registration has already been decided' },
  PRESSURE_REPORT_ALREADY_ACKNOWLEDGED: { status: 409, zh: '该反映已受理', en: 'This report has already been acknowledged' },
  OPEN_DAY_INVALID: { status: 400, zh: '开放日有误：日期须在本招生活动年度内，结束时间须晚于开始时间，校区须属于本校', en: 'Bad open day: the date must fall in the campaign\'s year, the end after the start, on one of the school\'s campuses' },
  // [early transfer] (issue 10: R13, R14)
  EARLY_TRANSFER_NOT_OPEN: { status: 409, zh: '尚未到提前到中职学校学习的开始日期（R13，方案：5月1日起）', en: 'Early transfer has not started yet (R13; plan: from May 1)' },
  EARLY_TRANSFER_CLOSED: { status: 409, zh: '提前到中职学习的申请时间已过（R13）', en: 'Early-transfer requests have closed (R13)' },
  EARLY_TRANSFER_NOT_GRADE9: { status: 409, zh: '提前到中职学习只适用于初三学生（R13）', en: 'Early transfer is for grade-9 students (R13)' },
  EARLY_TRANSFER_NOT_VOCATIONAL: { status: 409, zh: '须先填报并确认中职志愿，才能申请提前到中职学习（R13）', en: 'A confirmed vocational application comes first (R13)' },
  EARLY_TRANSFER_CURRICULUM: { status: 409, zh: '初中学校尚未确认该生已完成义务教育阶段课程（R13）', en: 'The junior high has not confirmed the compulsory curriculum is finished (R13)' },
  EARLY_TRANSFER_ACTIVE: { status: 409, zh: '已有一份进行中的提前到中职学习申请（R13）', en: 'An early-transfer request is already in progress (R13)' },
  EARLY_TRANSFER_UNKNOWN_PROGRAMME: { status: 409, zh: '所选专业不在本招生活动的招生计划内（R13）', en: 'The programme is not in this campaign\'s plan (R13)' },
  EARLY_TRANSFER_NOT_QUALIFIED: { status: 409, zh: '该学校不在本年度具备招生资格的学校名单内，不能接收提前学习的学生（R4）', en: 'The school is not on this year\'s list of qualified schools (R4)' },
  EARLY_TRANSFER_NOT_FILED: { status: 409, zh: '该学校没有经审查备案的招生简章，不能接收提前学习的学生（R7）', en: 'The school has no reviewed and filed brochure (R7)' },
  EARLY_TRANSFER_NO_SEATS: { status: 409, zh: '该专业的提前学习名额已满（R13）', en: 'The programme\'s early-transfer seats are taken (R13)' },
  EARLY_TRANSFER_TRANSITION: { status: 409, zh: '该申请当前状态下不能进行此操作', en: 'This step is not possible in the request\'s current state' },
  EARLY_TRANSFER_STALE: { status: 409, zh: '申请已被修改，请查看最新内容后再操作', en: 'The request changed since you loaded it; review the latest version' },
  EARLY_TRANSFER_NOT_YOUR_SEAL: { status: 403, zh: '只能以本校名义盖章或处理本校的申请（R13、R14）', en: 'A school seals and decides only for itself (R13, R14)' },
  EARLY_TRANSFER_LIST_EMPTY: { status: 409, zh: '该学校组合没有双方均已盖章、尚未列入汇总名单的申请（R14）', en: 'No request of this pair is sealed by both schools and not yet listed (R14)' },
  EARLY_TRANSFER_LIST_NOT_SEALED: { status: 409, zh: '汇总名单须由初中学校和中职学校双方盖章后才能备案（R14）', en: 'Both schools must seal the list before it is filed (R14)' },
  EARLY_TRANSFER_CAP_INVALID: { status: 400, zh: '提前学习名额有误：须为不超过计划招生数、不少于已占用数的非负整数（R13）', en: 'Bad early-transfer cap: 0 or more, at most the planned seats, at least the seats held (R13)' },
  EARLY_TRANSFER_CURRICULUM_LOCKED: { status: 409, zh: '该生已有进行中的提前到中职学习申请，不能撤销课程完成确认（R13）', en: 'The student has an early-transfer request in progress: the curriculum confirmation cannot be undone (R13)' },
  APPLICATION_EARLY_TRANSFER_HOLDS: { status: 409, zh: '该生已申请或已提前到中职学校学习，不能改报普通高中；如需改变请先撤回提前学习申请（R13）', en: 'The student has an early transfer in progress or filed: withdraw it before choosing general high (R13)' },
  // [admission] (issue 11: R15, R5)
  SCORE_IMPORT_INVALID: { status: 400, zh: '成绩文件有误，未导入任何数据：请按行号、列名和原因逐条修改后重新导入', en: 'The score file has errors and nothing was imported: fix each row listed (row, column, reason) and import again' },
  SCORE_SET_LOCKED: { status: 409, zh: '该版本成绩已锁定，不能修改；更正请导入新版本并说明理由', en: 'This score version is locked; a correction is a new version with a reason' },
  SCORE_CORRECTION_REASON: { status: 400, zh: '已有锁定的成绩版本：导入更正版本须说明理由', en: 'A locked score version exists: a corrected version needs a reason' },
  SCORE_SET_MISSING: { status: 409, zh: '尚无锁定的成绩版本：请先导入并锁定中考成绩（R15）', en: 'No locked score version: import and lock the exam scores first (R15)' },
  BATCH_INVALID: { status: 400, zh: '批次设置有误', en: 'Bad batch settings' },
  BATCH_PUBLISHED: { status: 409, zh: '该批次已发布录取结果，不能再修改或重新录取（R15）', en: 'This batch is published: it can no longer change or run again (R15)' },
  BATCH_ORDER: { status: 409, zh: '须按批次顺序录取：前一批次尚未发布（R15：已在前一批次录取的考生不再参加后续批次）', en: 'Batches run in order: the previous batch is not published yet (R15)' },
  ADMISSION_RUN_BUSY: { status: 409, zh: '该批次已有正在进行的录取计算，请等待完成', en: 'A run of this batch is in progress; wait for it to finish' },
  ADMISSION_RUN_NOT_READY: { status: 409, zh: '该次录取计算尚未完成或已作废，不能发布', en: 'This run is not finished or was discarded: it cannot be published' },
  ADMISSION_INPUTS_CHANGED: { status: 409, zh: '录取依据已变化（成绩版本、志愿、计划数或分数线），请重新试录取后再发布（R15）', en: 'The inputs changed since this run (scores, applications, seats or lines): run again before publishing (R15)' },
  ADMISSION_NOT_PUBLISHED: { status: 409, zh: '录取结果尚未发布', en: 'The results are not published yet' },
  RETURN_REASON_NOT_LISTED: { status: 400, zh: '退档理由须为本招生活动列明的理由之一（R15）', en: 'A return needs one of the reasons the campaign lists (R15)' },
  RETURN_WINDOW_CLOSED: { status: 409, zh: '已过本批次退档截止日期（R15）', en: 'The batch\'s return window has closed (R15)' },
  RETURN_NOT_ADMITTED: { status: 409, zh: '该生当前不是录取状态，不能退档', en: 'The student is not admitted now: nothing to return' },
  RETURN_PENDING: { status: 409, zh: '该生已有待区教育局决定的退档申请', en: 'A return of this student already awaits the bureau\'s decision' },
  RETURN_ALREADY_DECIDED: { status: 409, zh: '该退档申请已处理', en: 'This return request has already been decided' },
  SOLICITATION_CLOSED: { status: 409, zh: '不在征集志愿填报时间内（R15）', en: 'The solicitation round is not open (R15)' },
  SOLICITATION_NOT_ELIGIBLE: { status: 409, zh: '只有未被录取（或被退档）的中职志愿考生可以填报征集志愿（R15）', en: 'Only applicants not admitted (or returned) may choose in the solicitation round (R15)' },
  SOLICITATION_PROGRAMME_FULL: { status: 409, zh: '所选专业已无剩余计划，征集志愿只能填报尚有剩余计划的专业（R15）', en: 'A programme chosen has no seats left: the solicitation round offers only programmes with seats left (R15)' },
  REGISTRATION_NOT_SOCIAL: { status: 409, zh: '注册入学只适用于经确认的社会考生（R5）', en: 'Admission by registration is for confirmed social applicants (R5)' },
  REGISTRATION_NOT_OPEN: { status: 409, zh: '统一录取各批次发布后，方可按剩余计划注册入学（R5）', en: 'Registration admits into the seats left after the exam batches are published (R5)' },
  REGISTRATION_NO_SEATS: { status: 409, zh: '该专业已无剩余计划（注册入学先到先得，R5）', en: 'No seats left in this programme (first come, first served, R5)' },
  ALREADY_ADMITTED: { status: 409, zh: '该考生已被录取，不能重复录取（R15）', en: 'This applicant is already admitted (R15)' },
  JOB_BUSY: { status: 409, zh: '已有同样的任务正在进行，请等待完成', en: 'The same job is already running; wait for it to finish' },
  // [enrolment] registration, outflow, care and the sending statistics (issue 12).
  ENROLMENT_WINDOW_CLOSED: { status: 409, zh: '不在本招生活动的报到时间内（报到日期由招生活动设置）', en: 'Outside the campaign\'s registration dates' },
  ENROLMENT_WRONG_SCHOOL: { status: 409, zh: '学生只能在录取（或提前到中职学习）的学校报到', en: 'A student registers only at the school that admitted them' },
  ENROLMENT_ALREADY_REGISTERED: { status: 409, zh: '该生已报到，不能重复报到', en: 'This student has already registered' },
  ENROLMENT_NOT_ADMITTED: { status: 409, zh: '该生当前没有有效的录取（或已备案的提前到中职学习），不能报到', en: 'The student has no valid admission (or filed early transfer) to register with' },
  ENROLMENT_LETTER_INVALID: { status: 409, zh: '录取通知书二维码无效或已作废', en: 'The letter\'s code is not valid or has been withdrawn' },
  ENROLMENT_NO_SHOW_RECORDED: { status: 409, zh: '该生已登记为未报到；如学生已到校，请先撤销未报到登记', en: 'The student is recorded as a no-show; withdraw that record first if the student came' },
  ENROLMENT_NOT_NO_SHOW: { status: 409, zh: '该生没有可撤销的未报到登记', en: 'There is no no-show record to withdraw' },
  ENROLMENT_NOT_REGISTERED: { status: 409, zh: '新生报到后才能编班、指定班主任和登记资助（R17）', en: 'Class, homeroom teacher and aid are recorded once the student has registered (R17)' },
  ENROLMENT_CAMPUS_INVALID: { status: 400, zh: '报到校区须为录取学校的校区', en: 'The campus must be one of the enrolling school\'s' },
  ENROLMENT_HARDSHIP_EVIDENCE: { status: 400, zh: '登记家庭经济困难须选择证明材料类型（R17）', en: 'A hardship flag needs the type of evidence (R17)' },
  CONTACT_DATE_INVALID: { status: 400, zh: '联系日期不能晚于今天', en: 'The contact date cannot be in the future' },
  STATISTICS_ALREADY_SUBMITTED: { status: 409, zh: '本校送培统计已提交；如需更改，请答复初中学校的异议', en: 'The statistics are already submitted; changes go through the answer to a dispute' },
  STATISTICS_CORRECTION_INVALID: { status: 400, zh: '更正后的数字须满足：录取数＋提前到中职学习数＝报到数＋未报到数＋待报到数（R18）', en: 'Corrected figures must add up: admitted + early transfer = registered + no-shows + pending (R18)' },
  STATISTICS_NOT_SUBMITTED: { status: 409, zh: '该学校尚未提交送培统计', en: 'The school has not submitted its statistics yet' },
  STATISTICS_NO_ROWS: { status: 404, zh: '该学校的送培统计中没有本校的学生', en: 'The school\'s statistics have no row for this junior high' },
  STATISTICS_NOT_DISPUTED: { status: 409, zh: '该初中学校没有提出异议，无需答复', en: 'The junior high has not disputed these figures' },
  // [students] codes added by the roster work go here.
  STUDENT_GENDER_MISMATCH: { status: 400, zh: '性别与居民身份证号码不符（第17位：奇数为男，偶数为女）', en: 'The gender does not match the resident ID number (17th digit: odd for male, even for female)' },
  STUDENT_DOCUMENT_INVALID: { status: 400, zh: '证件号码格式有误（应为5至30位字母或数字）', en: 'Bad document number (5 to 30 letters or digits)' },
  // [applications] codes added by the application work go here.
  // [overview] codes added by the live picture / duplicates / guidance / social work go here.
  GUIDANCE_INVALID: { status: 400, zh: '升学指导记录有误：参加的职业学校须为本市学校', en: 'Bad guidance record: the vocational schools must be schools of the city' },
  SOCIAL_ALREADY_REGISTERED: { status: 409, zh: '该证件号码已在本招生活动报名（待确认或已确认），请勿重复报名；如需更正请到职业学校或区教育局现场办理（R5）', en: 'This document number is already registered in the campaign (pending or confirmed); do not register twice — corrections are made in person (R5)' },
  SOCIAL_ID_MISMATCH: { status: 409, zh: '核对失败：录入的证件号码与报名时填写的不一致，请核对证件原件', en: 'Check failed: the document number typed does not match the registration; check the original document' },
  SOCIAL_CAMPAIGN_CLOSED: { status: 409, zh: '该招生活动不在志愿填报时间内，暂不能报名（R5）', en: 'The campaign is not in its application window: registration is closed (R5)' },
  CROSSCHECK_NOT_VOCATIONAL: { status: 409, zh: '该学生的志愿已不是中职，无需再按“保留中职”处理', en: 'The student no longer applies to vocational; keeping vocational does not apply' },
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
