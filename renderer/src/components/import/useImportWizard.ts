import { ElMessage } from 'element-plus';
import { computed, ref, shallowRef } from 'vue';
import {
  IMPORT_KIND_LABELS,
  IMPORT_MAX_BYTES,
  type ImportKindKey,
  type ImportLogEntry,
  type ImportPreview,
} from '@shared/contract/imports';
import { ApiError, call } from '@/api/client';
import { confirmAction } from '@/composables/confirm';
import { useSubmit } from '@/composables/useSubmit';
import { fileToBase64 } from '@/utils/readFile';

interface PickedFile {
  name: string;
  base64: string;
}

/**
 * One import, step by step, for any kind: a workbook is read and previewed (a dry run) again after
 * each change of sheet or column mapping; only a preview without errors can be committed, and the
 * commit names the previewed file's SHA-256 so exactly that file goes in.
 */
/**
 * The preview's two tables grow with the window (the dialog's steps, toolbar and footer take about
 * 420 px), never below 300 px: on a 1080-line screen the whole mapping of a wide ledger shows.
 */
export const PREVIEW_TABLE_HEIGHT = 'max(300px, calc(100vh - 420px))';

export function useImportWizard(initialKind: ImportKindKey) {
  const kind = ref(initialKind);
  const file = shallowRef<PickedFile | null>(null);
  /** The sheet the user chose; undefined lets the backend take the first with a header. */
  const sheet = ref<string>();
  /** The user's corrections: header text → field key ('' leaves the column out). */
  const mapping = ref<Record<string, string>>({});
  const preview = shallowRef<ImportPreview | null>(null);
  const previewing = ref(false);
  const previewError = ref('');
  const imported = shallowRef<ImportLogEntry | null>(null);
  const commit = useSubmit();

  const noun = computed(() => IMPORT_KIND_LABELS[kind.value]);
  const step = computed(() => (imported.value ? 2 : preview.value ? 1 : 0));
  const canCommit = computed(
    () => !!preview.value && preview.value.errors === 0 && preview.value.rows > 0 && !previewing.value,
  );

  const fileInput = (picked: PickedFile) => ({
    kind: kind.value,
    fileName: picked.name,
    base64: picked.base64,
    sheet: sheet.value,
    mapping: mapping.value,
  });

  // Each change previews again; only the newest answer is shown (an older one may arrive later).
  let latest = 0;
  async function runPreview(): Promise<void> {
    if (!file.value) return;
    const ticket = ++latest;
    previewing.value = true;
    previewError.value = '';
    try {
      const result = await call('imports.preview', fileInput(file.value));
      if (ticket === latest) preview.value = result;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      if (ticket !== latest) return;
      preview.value = null;
      previewError.value = failure.message;
    } finally {
      if (ticket === latest) previewing.value = false;
    }
  }

  /** A workbook picked (anew, e.g. after fixing it): its sheet is found again, the mapping kept. */
  async function choose(picked: File): Promise<void> {
    if (picked.size > IMPORT_MAX_BYTES) {
      ElMessage.error(`“${picked.name}”超过 15 MB 上限，请拆分后分次导入`);
      return;
    }
    file.value = { name: picked.name, base64: await fileToBase64(picked) };
    sheet.value = undefined;
    preview.value = null;
    imported.value = null;
    commit.error.value = '';
    await runPreview();
  }

  function chooseSheet(name: string): void {
    sheet.value = name;
    void runPreview();
  }

  /** Maps the column headed `text` to `field` ('' leaves it out); a column that had that field gives it up. */
  function mapColumn(text: string, field: string): void {
    const next = { ...mapping.value, [text]: field };
    for (const cell of preview.value?.header ?? []) {
      if (field && cell.field === field && cell.text !== text) next[cell.text] = '';
    }
    mapping.value = next;
    void runPreview();
  }

  /** Another kind starts over: its fields, its mapping. */
  function setKind(next: ImportKindKey): void {
    kind.value = next;
    file.value = null;
    sheet.value = undefined;
    mapping.value = {};
    preview.value = null;
    previewError.value = '';
    imported.value = null;
  }

  /** Asks, then imports exactly the previewed file; resolves true once it is in. */
  async function commitImport(): Promise<boolean> {
    const shown = preview.value;
    const picked = file.value;
    if (!shown || !picked || !canCommit.value) return false;
    const message =
      `将新增 ${shown.creates} 条、更新 ${shown.updates} 条${noun.value}。` +
      '导入要么全部写入，要么一条也不写入；当天可在导入记录中撤销。确定导入吗？';
    if (!(await confirmAction(message, `导入${noun.value}`, '导入'))) return false;
    const done = await commit.run(async () => {
      imported.value = await call('imports.commit', { ...fileInput(picked), sheet: shown.sheet, sha256: shown.sha256 });
    });
    if (done) ElMessage.success(`导入完成：新增 ${shown.creates} 条、更新 ${shown.updates} 条${noun.value}`);
    return done;
  }

  /** 继续导入: the same kind, a new file. */
  function again(): void {
    setKind(kind.value);
  }

  return {
    kind,
    noun,
    file,
    preview,
    previewing,
    previewError,
    imported,
    committing: commit.pending,
    commitError: commit.error,
    step,
    canCommit,
    choose,
    chooseSheet,
    mapColumn,
    setKind,
    commitImport,
    again,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
