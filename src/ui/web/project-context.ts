import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Project } from './api.js';

export const ProjectContext = createContext<Project | null>(null);

/** The project the dashboard serves: its targets, kind labels and risk codes. */
export function useProject(): Project {
  const project = useContext(ProjectContext);
  if (!project) throw new Error('useProject outside the loaded app');
  return project;
}
