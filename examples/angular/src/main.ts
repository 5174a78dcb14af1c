import { bootstrapApplication } from '@angular/platform-browser';
import { defineTinyChat } from 'tinychat-widget';
import { AppComponent } from './app.component';

defineTinyChat();
bootstrapApplication(AppComponent).catch((error: unknown) => console.error(error));
