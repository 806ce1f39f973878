import { ElMessage } from 'element-plus';
import { onMounted, shallowRef } from 'vue';
import type { AssessmentRules } from '@shared/contract/assessments';
import { DEFAULT_WORK_SETTINGS } from '@shared/domain/work-settings';
import { ApiError, call } from '@/api/client';

/** The centre's suggestion mapping and re-review interval (defaults until loaded). */
export function useAssessmentRules() {
  const rules = shallowRef<AssessmentRules>({
    conclusionMapping: DEFAULT_WORK_SETTINGS.conclusionMapping,
    reReviewIntervalMonths: DEFAULT_WORK_SETTINGS.reReviewIntervalMonths,
  });
  onMounted(async () => {
    try {
      rules.value = await call('assessments.rules', {});
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      ElMessage.error(failure.message);
    }
  });
  return rules;
}
