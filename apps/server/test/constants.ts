/** The PostgreSQL template database the integration tests clone. */
export const PG_TEMPLATE = 'zhizhao_test_template';
