import { useEffect } from 'react';
import { firstScreenPainted } from '../../core/first-screen';
import { startAutomationRunner } from './automation-runner';

/** Runs the automation rules by themselves while the app is open (see startAutomationRunner). Renders nothing. */
export function AutomationRunner() {
  useEffect(() => startAutomationRunner({ started: firstScreenPainted() }), []);
  return null;
}
