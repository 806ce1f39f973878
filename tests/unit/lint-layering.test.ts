import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages of one rule on `code` linted as the file at `filePath`. */
async function messagesOf(rule: string, code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const restrictedImports = (code: string, filePath: string) => messagesOf('no-restricted-imports', code, filePath);
const isolation = (code: string, filePath: string) => messagesOf('layers/feature-isolation', code, filePath);

// ESLint loads the whole config (typescript-eslint, vue) on its first lint: seconds on a busy machine.
const SLOW_FIRST_LINT = { timeout: 30_000 };

describe('layering rules (ESLint no-restricted-imports)', SLOW_FIRST_LINT, () => {
  it.each(['electron/backend/features/x.ts', 'shared/domain/x.ts', 'renderer/src/x.ts'])(
    'fails an Electron import in %s',
    async (file) => {
      const messages = await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", file);
      expect(messages.join()).toContain('Electron');
    },
  );

  it('fails shared code that reaches into electron/, renderer/ or Node', async () => {
    expect(
      await restrictedImports(
        "import { x } from '../../electron/backend/app';\nexport const a = x;\n",
        'shared/contract/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { y } from '../../renderer/src/api/client';\nexport const a = y;\n",
        'shared/contract/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
        'shared/domain/x.ts',
      ),
    ).toHaveLength(1);
  });

  it('fails the renderer importing backend code and the backend importing main', async () => {
    expect(
      await restrictedImports(
        "import { openBackend } from '../../../electron/backend/app';\nexport const a = openBackend;\n",
        'renderer/src/api/x.ts',
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        "import { m } from '../../main/windows';\nexport const a = m;\n",
        'electron/backend/features/x.ts',
      ),
    ).toHaveLength(1);
  });

  it('allows Electron in the main process and shared code everywhere', async () => {
    expect(
      await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'electron/main/x.ts'),
    ).toEqual([]);
    expect(
      await restrictedImports(
        "import { contract } from '../../shared/contract';\nexport const a = contract;\n",
        'electron/backend/x.ts',
      ),
    ).toEqual([]);
  });
});

describe('feature isolation in the backend (layers/feature-isolation)', SLOW_FIRST_LINT, () => {
  it('fails a feature importing another feature, saying where shared parts go', async () => {
    const [message, ...rest] = await isolation(
      "import { caseInScope } from '../petitions/common';\nexport const a = caseInScope;\n",
      'electron/backend/features/hazards/links.ts',
    );
    expect(rest).toEqual([]);
    expect(message).toContain('功能模块 hazards 不得引用功能模块 petitions');
    expect(message).toContain(
      '功能模块不得引用其他功能模块，核心与台账内核不引用功能模块；共用部分请放入台账内核 ledger/ 或核心层',
    );
  });

  it('fails every form of import: type-only, re-export, dynamic, from any depth', async () => {
    const code = [
      "import type { CaseClock } from '../petitions/repo';",
      "export { tasksOf } from '../meetings/repo';",
      "export * from '../board/snapshot';",
      "export const load = () => import('../../features/reports/service');",
      'export type C = CaseClock;',
    ].join('\n');
    expect(await isolation(code, 'electron/backend/features/hazards/x.ts')).toHaveLength(4);
    expect(
      await isolation(
        "import { x } from '../../../features/petitions/repo';\nexport const a = x;\n",
        'electron/backend/features/hazards/deep/x.ts',
      ),
    ).toHaveLength(1);
  });

  it('fails the kernel, and the features that once were core, importing a feature', async () => {
    const kernel = await isolation(
      "import { petitionStore } from '../../features/petitions/store';\nexport const a = petitionStore;\n",
      'electron/backend/ledger/tasks/x.ts',
    );
    expect(kernel.join()).toContain('台账内核 ledger/ 不得引用功能模块 petitions');
    const settings = await isolation(
      "import { listFolder } from '../backup/folder';\nexport const a = listFolder;\n",
      'electron/backend/features/settings/x.ts',
    );
    expect(settings.join()).toContain('功能模块 settings 不得引用功能模块 backup');
    const auth = await isolation(
      "import { listAccounts } from '../users/repo';\nexport const a = listAccounts;\n",
      'electron/backend/features/auth/x.ts',
    );
    expect(auth.join()).toContain('功能模块 auth 不得引用功能模块 users');
    const kernelAudit = await isolation(
      "import { exportRows } from '../features/audit/repo';\nexport const a = exportRows;\n",
      'electron/backend/ledger/x.ts',
    );
    expect(kernelAudit.join()).toContain('台账内核 ledger/ 不得引用功能模块 audit');
  });

  it('allows a feature the core, the kernel, shared/ and its own files', async () => {
    const code = [
      "import type { HandlerContext } from '../../api/types';",
      "import { qb } from '../../db/sql';",
      "import { audited } from '../../audit/writer';",
      "import { findUserRow } from '../../auth/accounts';",
      "import { displayNameOf } from '../../db/display-name';",
      "import { recordInScope } from '../../ledger/write';",
      "import { tasksOf } from '../../ledger/tasks/repo';",
      "import { inScope } from '../../../../shared/domain/scope';",
      "import { hazardStore } from './store';",
      'export const all = [qb, audited, findUserRow, displayNameOf, recordInScope, tasksOf, inScope, hazardStore];',
      'export type C = HandlerContext;',
    ].join('\n');
    expect(await isolation(code, 'electron/backend/features/hazards/x.ts')).toEqual([]);
  });

  it('fails the core outside the composition root importing a feature: migrations, the demo, exports', async () => {
    const migration = await isolation(
      "import { PETITION_TALLIES } from '../../features/petitions/tallies';\nexport const a = PETITION_TALLIES;\n",
      'electron/backend/db/migrations/0099-x.ts',
    );
    expect(migration.join()).toContain('核心 db/ 不得引用功能模块 petitions');
    const demo = await isolation(
      "import { hazardStore } from '../features/hazards/store';\nexport const a = hazardStore;\n",
      'electron/backend/demo/x.ts',
    );
    expect(demo.join()).toContain('核心 demo/ 不得引用功能模块 hazards');
    const host = await isolation(
      "import { loadDemo } from './features/system/service';\nexport const a = loadDemo;\n",
      'electron/backend/host.ts',
    );
    expect(host.join()).toContain('核心 host.ts 不得引用功能模块 system');
  });

  it('allows the kernel the core, and the composition root every feature', async () => {
    expect(
      await isolation(
        "import { appendAudit } from '../audit/writer';\nexport const a = appendAudit;\n",
        'electron/backend/ledger/x.ts',
      ),
    ).toEqual([]);
    for (const file of ['api/ledgers.ts', 'api/handlers.ts', 'api/imports.ts']) {
      expect(
        await isolation(
          "import { petitionStore } from '../features/petitions/store';\nexport const a = petitionStore;\n",
          `electron/backend/${file}`,
        ),
      ).toEqual([]);
    }
    expect(
      await isolation(
        "import { placeBackup } from './features/backup/place';\nexport const a = placeBackup;\n",
        'electron/backend/app.ts',
      ),
    ).toEqual([]);
  });
});

describe('feature isolation in the renderer (layers/feature-isolation)', SLOW_FIRST_LINT, () => {
  const importing = (specifier: string) => `import * as imported from '${specifier}';\nexport const a = imported;\n`;
  const sfc = (imports: string) => `<script setup lang="ts">\n${imports}\n</script>\n\n<template><div /></template>\n`;

  it('fails a feature importing another through the alias or a relative path, saying where shared parts go', async () => {
    const [message, ...rest] = await isolation(
      sfc("import PetitionDrawer from '@/features/petitions/components/PetitionDrawer.vue';\nvoid PetitionDrawer;"),
      'renderer/src/features/today/views/TodayView.vue',
    );
    expect(rest).toEqual([]);
    expect(message).toContain('功能模块 today 不得引用功能模块 petitions');
    expect(message).toContain('ledger/records.ts');
    expect(
      await isolation(importing('../../petitions/labels'), 'renderer/src/features/hazards/components/x.ts'),
    ).toHaveLength(1);
  });

  it('fails every form of import, and the board as a feature on either side', async () => {
    const code = [
      "import type { HazardStep } from '@/features/hazards/components/HazardStepDialog.vue';",
      "export { registerMeetings } from '@/features/meetings/register';",
      "export * from '../../board/mapOption';",
      "export const load = () => import('@/features/reports/views/ReportsView.vue');",
      'export type S = HazardStep;',
    ].join('\n');
    expect(await isolation(code, 'renderer/src/features/assessments/x.ts')).toHaveLength(4);
    const board = await isolation(importing('../features/hazards/figures'), 'renderer/src/board/x.ts');
    expect(board.join()).toContain('功能模块 board 不得引用功能模块 hazards');
  });

  it('fails the kernel and the rest of the core importing a feature', async () => {
    const kernel = await isolation(
      importing('@/features/hazards/components/HazardLevelTag.vue'),
      'renderer/src/ledger/x.ts',
    );
    expect(kernel.join()).toContain('台账内核 ledger/ 不得引用功能模块 hazards');
    const components = await isolation(importing('../features/petitions/labels'), 'renderer/src/components/x.ts');
    expect(components.join()).toContain('核心 components/ 不得引用功能模块 petitions');
    const app = await isolation(
      sfc("import LoginView from '@/features/auth/views/LoginView.vue';\nvoid LoginView;"),
      'renderer/src/App.vue',
    );
    expect(app.join()).toContain('核心 App.vue 不得引用功能模块 auth');
  });

  it('allows a feature the core, the kernel, shared/ and its own files', async () => {
    const code = [
      "import { call } from '@/api/client';",
      "import { useAuthStore } from '@/app/authStore';",
      "import TownshipSelect from '@/components/TownshipSelect.vue';",
      "import { useUnitOptions } from '@/composables/referenceOptions';",
      "import RecordLink from '@/ledger/RecordLink.vue';",
      "import TaskList from '@/ledger/tasks/TaskList.vue';",
      "import { formatDateTime } from '@/utils/datetime';",
      "import { HAZARD_LEVEL_LABELS } from '@shared/domain/risks/hazard-levels';",
      "import { HAZARD_LIST_FIGURES } from '../figures';",
      "import HazardLevelTag from './HazardLevelTag.vue';",
      'export const all = [call, useAuthStore, TownshipSelect, useUnitOptions, RecordLink, TaskList, formatDateTime];',
      'export const own = [HAZARD_LEVEL_LABELS, HAZARD_LIST_FIGURES, HazardLevelTag];',
    ].join('\n');
    expect(await isolation(code, 'renderer/src/features/hazards/components/x.ts')).toEqual([]);
  });

  it('allows the composition root, the router and the registrations, every feature', async () => {
    expect(
      await isolation(
        "export const routes = [() => import('@/features/petitions/views/PetitionsView.vue'), () => import('@/board/BoardView.vue')];\n",
        'renderer/src/app/router.ts',
      ),
    ).toEqual([]);
    expect(await isolation(importing('@/features/hazards/register'), 'renderer/src/app/features.ts')).toEqual([]);
  });
});
