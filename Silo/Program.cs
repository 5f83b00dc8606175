using Sesame.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSesame();

var app = builder.Build();
app.MapSesame();
app.Run();
