@echo off
rem Opens .rpb project files with the rpbmatrix.exe beside this file and adds a
rem Start menu shortcut, for the current user (no administrator rights needed).
rem "register-rpb.cmd /remove" undoes both.
setlocal
set "exe=%~dp0rpbmatrix.exe"
set "key=HKCU\Software\Classes"
set "lnk=%APPDATA%\Microsoft\Windows\Start Menu\Programs\RPB Matrix.lnk"
if /i "%~1"=="/remove" goto remove
if not exist "%exe%" (echo rpbmatrix.exe is not beside this file & exit /b 1)
reg add "%key%\.rpb" /ve /d "RPBMatrix.Project" /f >nul || exit /b 1
reg add "%key%\RPBMatrix.Project" /ve /d "RPB Matrix project" /f >nul
reg add "%key%\RPBMatrix.Project\DefaultIcon" /ve /d "\"%exe%\",0" /f >nul
reg add "%key%\RPBMatrix.Project\shell\open\command" /ve /d "\"%exe%\" \"%%1\"" /f >nul
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell).CreateShortcut($env:lnk); $s.TargetPath=$env:exe; $s.WorkingDirectory=$env:USERPROFILE; $s.Save()"
echo .rpb files now open with %exe%
exit /b 0
:remove
reg delete "%key%\.rpb" /f >nul 2>&1
reg delete "%key%\RPBMatrix.Project" /f >nul 2>&1
del "%lnk%" >nul 2>&1
echo .rpb files are no longer opened by RPB Matrix
exit /b 0
