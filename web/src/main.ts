import './app.css';
import './components/app-shell';
