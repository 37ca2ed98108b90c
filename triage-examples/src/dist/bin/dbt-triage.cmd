@echo off
rem dbt-triage launcher for Windows. JVM options: JAVA_OPTS or DBT_TRIAGE_OPTS; JAVA_HOME picks the Java (17+).
setlocal
set "APP_HOME=%~dp0.."
set "JAVACMD=java"
if defined JAVA_HOME set "JAVACMD=%JAVA_HOME%\bin\java"
set "CDS_OPTS="
if exist "%APP_HOME%\lib\dbt-triage.jsa" set "CDS_OPTS=-XX:SharedArchiveFile=%APP_HOME%\lib\dbt-triage.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
"%JAVACMD%" @DEFAULT_JVM_OPTS@ %CDS_OPTS% %JAVA_OPTS% %DBT_TRIAGE_OPTS% -jar "%APP_HOME%\lib\dbt-triage.jar" %*
exit /b %ERRORLEVEL%
